package io.streamsentinel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The databind codecs of the responder's events write what the hand-written streaming codecs wrote
 * (the same bytes, so the same JSON tree), accept what they accepted with the same result, and
 * reject what they rejected naming the same field. The old outputs are frozen in {@link
 * ResponderEventGoldens}.
 */
class ResponderEventCompatibilityTest {

  private static final ObjectMapper TREES = new ObjectMapper();

  @Test
  void shouldWriteUserActionsAsTheStreamingCodecDid() throws Exception {
    var actions = ResponderEventSamples.userActions();
    for (int i = 0; i < actions.size(); i++) {
      byte[] now = UserActionCodec.encode(actions.get(i));
      String before = ResponderEventGoldens.USER_ACTIONS_ENCODED.get(i);

      assertThat(TREES.readTree(now)).as(before).isEqualTo(TREES.readTree(before));
      assertThat(new String(now, StandardCharsets.UTF_8)).isEqualTo(before);
    }
  }

  @Test
  void shouldWriteAccountStatesAsTheStreamingCodecDid() throws Exception {
    var states = ResponderEventSamples.accountStates();
    for (int i = 0; i < states.size(); i++) {
      byte[] now = AccountStateCodec.encode(states.get(i));
      String before = ResponderEventGoldens.ACCOUNT_STATES_ENCODED.get(i);

      assertThat(TREES.readTree(now)).as(before).isEqualTo(TREES.readTree(before));
      assertThat(new String(now, StandardCharsets.UTF_8)).isEqualTo(before);
    }
  }

  @Test
  void shouldReadAlertsAsTheStreamingCodecDid() {
    assertSameOutcomes(
        ResponderEventSamples.alertInputs(),
        ResponderEventGoldens.ALERTS_DECODED,
        AlertCodec::decode);
  }

  @Test
  void shouldReadUserActionsAsTheStreamingCodecDid() {
    assertSameOutcomes(
        ResponderEventSamples.userActionInputs(),
        ResponderEventGoldens.USER_ACTIONS_DECODED,
        UserActionCodec::decode);
  }

  @Test
  void shouldReadAccountStatesAsTheStreamingCodecDid() {
    assertSameOutcomes(
        ResponderEventSamples.accountStateInputs(),
        ResponderEventGoldens.ACCOUNT_STATES_DECODED,
        AccountStateCodec::decode);
  }

  @Test
  void shouldRoundTripEverySample() {
    for (var action : ResponderEventSamples.userActions()) {
      assertThat(UserActionCodec.decode(UserActionCodec.encode(action))).isEqualTo(action);
    }
    for (var state : ResponderEventSamples.accountStates()) {
      assertThat(AccountStateCodec.decode(AccountStateCodec.encode(state))).isEqualTo(state);
    }
  }

  /**
   * An accepted input gives the same record; a rejected one the same exception about the same
   * subject: the field before the first colon, or the whole message when it names no field. The
   * wording after the field may differ (e.g. {@code score: required} for a null score).
   */
  private static void assertSameOutcomes(
      List<String> inputs, List<String> before, Function<byte[], Object> decode) {
    assertThat(inputs).hasSameSizeAs(before);
    for (int i = 0; i < inputs.size(); i++) {
      String input = inputs.get(i);
      String old = before.get(i);
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      if (old.startsWith("OK ")) {
        assertThat("OK " + decode.apply(bytes)).as(input).isEqualTo(old);
      } else {
        Throwable now = catchThrowable(() -> decode.apply(bytes));
        assertThat(now).as(input).isInstanceOf(IllegalArgumentException.class);
        String oldMessage = old.substring("ERR IllegalArgumentException ".length());
        assertThat(subject(now.getMessage())).as(input).isEqualTo(subject(oldMessage));
      }
    }
  }

  private static String subject(String message) {
    int colon = message.indexOf(':');
    return colon < 0 ? message : message.substring(0, colon);
  }
}
