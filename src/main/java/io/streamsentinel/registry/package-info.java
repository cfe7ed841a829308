/**
 * The model registry: every trained model version with its bytes, checksum, training window, label
 * counts, holdout figures and input schema, on the compacted topic {@code fraud-models}; the
 * champion's promotion and retirement; and the watcher through which every detector instance
 * follows the champion without restart. Shared infrastructure: training writes it, the detector
 * reads it.
 */
package io.streamsentinel.registry;
