/**
 * A command's configuration, parsed once into typed, validated, immutable records: the settings
 * file ({@link io.streamsentinel.config.ConfigFile}), then the flags over it ({@link
 * io.streamsentinel.config.KafkaConfig#resolve}), logged once at start with secrets masked ({@link
 * io.streamsentinel.config.Secrets}: the one masking rule for every place that prints settings).
 */
package io.streamsentinel.config;
