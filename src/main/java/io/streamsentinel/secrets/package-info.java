/**
 * The one rule for what is never shown: {@link io.streamsentinel.secrets.Secrets} masks secret
 * settings by name and secrets inside free text (JAAS configs, URL user-info and query secrets,
 * webhook paths), and every place that prints applies it: the log layout ({@link
 * io.streamsentinel.secrets.MaskingConverter}), CLI errors, {@code config show} and dead-letter
 * headers. Depends on nothing of the project, so every package may use it.
 */
package io.streamsentinel.secrets;
