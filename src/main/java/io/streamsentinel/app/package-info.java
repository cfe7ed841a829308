/**
 * Composition of several stages in one process: the demo pipeline ({@link
 * io.streamsentinel.app.DemoPipeline}: starts the stages in the order of the data flow, drains them
 * in the same order, summarises from the topics and the database), a component's monitoring and
 * HTTP server ({@link io.streamsentinel.app.ComponentMonitoring}), what each component reports to
 * its health monitor ({@link io.streamsentinel.app.ComponentProbes}) and which clients each creates
 * ({@link io.streamsentinel.app.ComponentClients}). Prints nothing itself: the command hands it
 * where lines go.
 */
package io.streamsentinel.app;
