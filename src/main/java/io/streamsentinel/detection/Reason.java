package io.streamsentinel.detection;

/**
 * Why a transaction scored what it did: one fired rule or account status.
 *
 * @param code the reason code, e.g. {@code VELOCITY_1M}; never null
 * @param detail for people, e.g. "7 transactions in 60 s"; never null
 * @param contribution its share of the score; the contributions of a decision add up to its score
 */
public record Reason(String code, String detail, double contribution) {

  public Reason {
    if (code == null || detail == null) {
      throw new IllegalArgumentException("reason code and detail are required");
    }
  }
}
