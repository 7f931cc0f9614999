package org.contested.pipeline;

/** Every option of the contested pipeline, one mixin per concern. */
public interface ContestedOptions
    extends InputOptions,
        ExtractionOptions,
        WindowOptions,
        GroupingOptions,
        OutputOptions,
        CloudOptions {}
