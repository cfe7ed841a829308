/**
 * Responding to alerts. The pure core is here: the {@link io.streamsentinel.response.ActionPolicy}
 * turns an {@link io.streamsentinel.domain.Alert} and the user's {@link
 * io.streamsentinel.response.AlertHistory} into a {@link io.streamsentinel.response.ResponsePlan} —
 * the {@link io.streamsentinel.domain.UserAction} audit events for {@code user-actions} and the
 * record for {@code account-status}. The policy has no clock, no I/O and no Kafka (an architecture
 * test holds it to that): time is passed in, and action ids are derived from the alert id so a
 * replay cannot mint a second action. The responder's consume-act-produce loop wraps it; the wire
 * formats live in {@code io.streamsentinel.codec}.
 */
package io.streamsentinel.response;
