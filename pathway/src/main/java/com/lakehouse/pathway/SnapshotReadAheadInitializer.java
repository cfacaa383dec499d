package com.lakehouse.pathway;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.lakehouse.pathway.traces.SnapshotReadAhead;

/**
 * Starts the trace snapshot's read as soon as the environment is known, before the context is
 * refreshed, and hands it to {@link PathwayConfiguration} as a singleton. Properties that do not
 * bind start no read: the context's own binding then refuses the start with its usual message.
 */
final class SnapshotReadAheadInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PathwayProperties properties;
        try {
            properties = Binder.get(context.getEnvironment()).bindOrCreate("lakehouse.pathway", PathwayProperties.class);
        } catch (RuntimeException e) {
            return;
        }
        Path log = PathwayConfiguration.logFile(properties);
        context.getBeanFactory().registerSingleton("snapshotReadAhead",
                SnapshotReadAhead.start(PathwayConfiguration.snapshotFile(log), log));
    }
}
