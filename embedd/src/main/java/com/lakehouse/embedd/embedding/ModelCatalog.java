package com.lakehouse.embedd.embedding;

import java.util.List;

import com.lakehouse.shared.error.InvalidRequestException;

/** The models the configured provider offers and which one a request without a model gets. */
public final class ModelCatalog {

    private final List<ModelInfo> models;
    private final ModelInfo defaultModel;

    /**
     * @param configuredDefault {@code default_model}; empty picks the provider's first model, a name
     *                          the provider does not offer is a startup error
     */
    public ModelCatalog(List<ModelInfo> models, String configuredDefault) {
        this.models = List.copyOf(models);
        if (configuredDefault == null || configuredDefault.isBlank()) {
            this.defaultModel = this.models.getFirst();
        } else {
            this.defaultModel = find(configuredDefault.strip());
            if (defaultModel == null) {
                throw new IllegalArgumentException("[embedd] default_model '" + configuredDefault
                        + "' is not offered by the provider; known: " + names());
            }
        }
    }

    /** The model a request resolves to: its own (which must be known) or the default. */
    public ModelInfo resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultModel;
        }
        ModelInfo model = find(requested.strip());
        if (model == null) {
            throw new InvalidRequestException("unknown model '" + requested + "'; known: " + names());
        }
        return model;
    }

    public List<ModelInfo> models() {
        return models;
    }

    public ModelInfo defaultModel() {
        return defaultModel;
    }

    private ModelInfo find(String name) {
        return models.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    private List<String> names() {
        return models.stream().map(ModelInfo::name).toList();
    }
}
