package io.streamsentinel.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3, MD5) UUIDs, the same as {@link UUID#nameUUIDFromBytes} of the name's UTF-8
 * bytes. That method looks MD5 up among the security providers on every call; the detector mints an
 * alert id for every alert and the responder an action id for every action, so each thread keeps
 * one digest here instead.
 */
public final class NameUuid {

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new InternalError("MD5 not supported", e); // as UUID.nameUUIDFromBytes
            }
          });

  private static final int VERSION_BYTE = 6;
  private static final int VARIANT_BYTE = 8;

  private NameUuid() {}

  /** The name-based UUID of {@code name}: {@code UUID.nameUUIDFromBytes} of its UTF-8 bytes. */
  public static UUID of(String name) {
    byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8)); // digest() resets it
    md5[VERSION_BYTE] = (byte) (md5[VERSION_BYTE] & 0x0f | 0x30); // version 3
    md5[VARIANT_BYTE] = (byte) (md5[VARIANT_BYTE] & 0x3f | 0x80); // IETF variant
    ByteBuffer bits = ByteBuffer.wrap(md5); // big-endian, as UUID(byte[]) reads them
    return new UUID(bits.getLong(), bits.getLong());
  }
}
