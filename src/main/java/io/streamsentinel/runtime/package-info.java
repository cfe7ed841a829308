/**
 * How long-running parts wait, shared by every stage: bounded exponential backoff between retries
 * ({@link io.streamsentinel.runtime.Backoff}), waiting for a condition up to a deadline ({@link
 * io.streamsentinel.runtime.Await}), the progress line of long work ({@link
 * io.streamsentinel.runtime.ProgressLine}) and the shutdown signal carried from the one hook in
 * {@code main} ({@link io.streamsentinel.runtime.ShutdownSignal}). Depends on nothing of the
 * project.
 */
package io.streamsentinel.runtime;
