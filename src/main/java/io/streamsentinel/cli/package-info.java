/**
 * The command line: picocli commands, their option mixins (plain data, resolved once into typed
 * settings), converters and text output. The only package that writes to stdout, and the only one
 * nothing else imports (an architecture test holds both). Each command resolves its settings,
 * starts a stage's service (or the {@code app} composition) and prints its status.
 */
package io.streamsentinel.cli;
