/**
 * The HTTP side: one Javalin server per process, bound to localhost unless told otherwise, to which
 * each area (review cases, user state, metrics and health, dashboard) contributes its routes as a
 * {@link io.streamsentinel.web.RouteGroup}. Controllers are thin: they read from a repository or a
 * store, never from Kafka directly.
 */
package io.streamsentinel.web;
