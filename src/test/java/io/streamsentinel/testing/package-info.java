/**
 * Test support shared by the integration tests of several packages: running the CLI in-process or
 * as separate JVMs, and reading back what the topics committed.
 */
package io.streamsentinel.testing;
