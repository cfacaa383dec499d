package com.lakehouse.embedd.web;

import java.util.List;

import com.lakehouse.embedd.embedding.ModelInfo;

/** {@code GET /embed/models}: {@code {"default_model","models":[{"name","dimension","provider"}]}}. */
public record ModelsResponse(String defaultModel, List<ModelInfo> models) {
}
