/**
 * A command's configuration, parsed once into typed, validated, immutable records: the settings
 * file ({@link io.streamsentinel.config.ConfigFile}), then the flags over it ({@link
 * io.streamsentinel.config.KafkaConfig#resolve}), logged once at start with secrets masked ({@link
 * io.streamsentinel.secrets.Secrets}: the one masking rule for every place that prints a secret).
 */
package io.streamsentinel.config;
