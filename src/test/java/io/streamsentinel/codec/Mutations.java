package io.streamsentinel.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The one mutation generator of the decoder fuzz tests: inputs that start from real, valid
 * encodings, so that a decoder gets deep before it finds what is wrong, instead of refusing the
 * first byte.
 *
 * <p>Two families. Byte edits (a flipped bit, a byte set to a value parsers care about, a cut, a
 * deleted run, inserted bytes, a duplicated run, eight bytes set to a NaN, an infinity or an
 * endless varint) are for every format. JSON edits replace one value anywhere in the tree with a
 * hostile one, drop a field or add a second one of a known name: wrong types, huge and tiny
 * numbers, NaN, NUL and lone surrogates in strings, instants outside the years 0000-9999, deep
 * nesting. A few inputs are arbitrary bytes.
 */
public final class Mutations {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Marks the value being replaced, so that the replacement can be any text, even invalid JSON. */
  private static final String HOLE = "\"@@hole@@\"";

  /** Deeper than Jackson's default nesting limit (1,000) and than any real record. */
  private static final int DEEP = 1_200;

  /** Values no decoder should choke on: each is valid for some field, none for every one. */
  private static final List<String> HOSTILE_VALUES =
      List.of(
          "null",
          "true",
          "false",
          "0",
          "-0",
          "-1",
          "0.5",
          "1.0",
          "1e400",
          "-1e400",
          "1e-400",
          "1E+999999999",
          "-1e-999999999",
          "123456789012345678901234567890",
          "-9223372036854775809",
          "9223372036854775807",
          "253402300800000",
          "-62167219200001",
          "0.1234567890123456789",
          "99999999999999999.99999999",
          "NaN",
          "-Infinity",
          "01",
          "\"\"",
          "\" \"",
          "\"\\u0000\"",
          "\"a\\u0000b\"",
          "\"\\ud800\"",
          "\"x\\udc00\"",
          "\"\\ud83d\\ude00\"",
          "\"\\u007f\\n\\t\"",
          "\"NaN\"",
          "\"1e3\"",
          "\"-12.50\"",
          "\"BLOCKED\"",
          "\"critical\"",
          "\"[5E-1]\"",
          "\"+999999999-12-31T23:59:59Z\"",
          "\"-999999999-01-01T00:00:00Z\"",
          "\"+10000-01-01T00:00:00Z\"",
          "\"-0001-12-31T23:59:59Z\"",
          "\"0000-01-01T00:00:00Z\"",
          "\"9999-12-31T23:59:59.999999999Z\"",
          "\"2026-02-30T00:00:00Z\"",
          "\"2026-12-31T23:59:60Z\"",
          "\"" + "x".repeat(300) + "\"",
          "[]",
          "{}",
          "[null]",
          "[1,\"a\",{}]",
          "[{\"code\":null}]",
          "[{\"code\":\"\\u0000\"}]",
          "{\"\\u0000\":\"\\u0000\"}",
          "[" + "[".repeat(DEEP) + "]".repeat(DEEP) + "]",
          "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP));

  private Mutations() {}

  /** Mutants of JSON encodings: mostly value swaps, some byte edits, a few arbitrary inputs. */
  public static Arbitrary<Mutant> ofJson(List<byte[]> seeds) {
    return Arbitraries.frequencyOf(
            Tuple.of(6, jsonEdits(seeds)),
            Tuple.of(3, byteEdits(seeds)),
            Tuple.of(1, randomBytes()))
        .map(Mutant::new);
  }

  /** Mutants of binary encodings: byte edits, and a few arbitrary inputs. */
  public static Arbitrary<Mutant> ofBinary(List<byte[]> seeds) {
    return Arbitraries.frequencyOf(Tuple.of(9, byteEdits(seeds)), Tuple.of(1, randomBytes()))
        .map(Mutant::new);
  }

  /**
   * One generated input. It prints as text, printable ASCII as is and every other byte as {@code
   * \xNN}, so that a failing sample in jqwik's report can be read and pasted into a unit test.
   */
  public record Mutant(byte[] bytes) {

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(bytes.length);
      for (byte b : bytes) {
        if (b >= ' ' && b < 0x7f && b != '\\') {
          text.append((char) b);
        } else {
          text.append(String.format("\\x%02x", b & 0xff));
        }
      }
      return text.toString();
    }
  }

  /** Up to 64 arbitrary bytes, the empty array included. */
  static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
  }

  /** One to four byte edits of one seed. */
  static Arbitrary<byte[]> byteEdits(List<byte[]> seeds) {
    Arbitrary<ByteEdit> edit =
        Combinators.combine(
                Arbitraries.of(ByteEdit.Kind.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, 16),
                Arbitraries.of(
                    (byte) 0,
                    (byte) 0x7f,
                    (byte) 0x80,
                    (byte) 0xff,
                    (byte) 0xc0,
                    (byte) 0xed,
                    (byte) '"',
                    (byte) '\\',
                    (byte) '{',
                    (byte) '[',
                    (byte) '-',
                    (byte) '9',
                    (byte) 'e'))
            .as(ByteEdit::new);
    return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (seed, edits) -> {
              byte[] bytes = seed.clone();
              for (ByteEdit e : edits) {
                bytes = e.apply(bytes);
              }
              return bytes;
            });
  }

  /**
   * One JSON edit of one seed: a value anywhere replaced by a hostile one or by another value of
   * the same record, a field dropped, or a known field name added again up front.
   */
  static Arbitrary<byte[]> jsonEdits(List<byte[]> seeds) {
    Arbitrary<String> replacement =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(HOSTILE_VALUES)),
            Tuple.of(
                2,
                Arbitraries.strings()
                    .withCharRange('\u0000', '\uffff')
                    .ofMaxLength(20)
                    .map(Mutations::quoted)),
            Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
            Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
            Tuple.of(1, Arbitraries.bigDecimals().map(d -> d.toString())));
    List<Tree> trees = seeds.stream().map(Tree::of).toList();
    return Combinators.combine(
            Arbitraries.of(trees),
            Arbitraries.of(JsonEdit.values()),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            replacement)
        .as(Mutations::applyJsonEdit);
  }

  /** A seed parsed once, with every place a value sits. */
  private record Tree(JsonNode root, List<Slot> slots) {

    static Tree of(byte[] seed) {
      try {
        JsonNode root = JSON.readTree(seed);
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        return new Tree(root, List.copyOf(slots));
      } catch (IOException e) {
        throw new IllegalArgumentException("a seed must be valid JSON", e);
      }
    }
  }

  /** The text as a JSON string with every char outside printable ASCII escaped. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private enum JsonEdit {
    REPLACE,
    SWAP_WITH_OTHER_VALUE,
    DROP,
    ADD_KNOWN_NAME
  }

  private static byte[] applyJsonEdit(Tree tree, JsonEdit edit, int pick, String replacement) {
    JsonNode root = tree.root();
    List<Slot> slots = tree.slots();
    if (slots.isEmpty()) {
      return bytes(root);
    }
    Slot slot = slots.get(pick % slots.size());
    String text =
        switch (edit) {
          case REPLACE -> withHole(root, slot, replacement);
          case SWAP_WITH_OTHER_VALUE ->
              withHole(root, slot, slots.get((pick / 7) % slots.size()).value().toString());
          case DROP -> dropped(root, slot);
          case ADD_KNOWN_NAME -> addedUpFront(root, slot, replacement);
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Where a value sits: in an object under a name, or in an array at an index. */
  private record Slot(JsonNode parent, String name, int index, JsonNode value) {}

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        slots.add(new Slot(node, field.getKey(), -1, field.getValue()));
        collect(field.getValue(), slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i, node.get(i)));
        collect(node.get(i), slots);
      }
    }
  }

  private static String withHole(JsonNode root, Slot slot, String replacement) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = find(root, copy, slot.parent());
    if (slot.name() != null) {
      ((ObjectNode) parent).set(slot.name(), TextNode.valueOf("@@hole@@"));
    } else {
      ((ArrayNode) parent).set(slot.index(), TextNode.valueOf("@@hole@@"));
    }
    return copy.toString().replace(HOLE, replacement);
  }

  private static String dropped(JsonNode root, Slot slot) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = find(root, copy, slot.parent());
    if (slot.name() != null) {
      ((ObjectNode) parent).remove(slot.name());
    } else {
      ((ArrayNode) parent).remove(slot.index());
    }
    return copy.toString();
  }

  /**
   * The name again, first in its object: a duplicate field that readers see before the real one.
   */
  private static String addedUpFront(JsonNode root, Slot slot, String replacement) {
    if (slot.name() == null) {
      return withHole(root, slot, replacement);
    }
    String marker = "\"@@first@@\":0";
    JsonNode copy = root.deepCopy();
    ObjectNode parent = (ObjectNode) find(root, copy, slot.parent());
    ObjectNode reordered = JSON.createObjectNode();
    reordered.put("@@first@@", 0);
    reordered.setAll(parent);
    parent.removeAll();
    parent.setAll(reordered);
    return copy.toString().replace(marker, quoted(slot.name()) + ":" + replacement);
  }

  /** The node of {@code copy} at the place {@code target} has in {@code original}. */
  private static JsonNode find(JsonNode original, JsonNode copy, JsonNode target) {
    if (original == target) {
      return copy;
    }
    if (original.isObject()) {
      for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode found = find(original.get(name), copy.get(name), target);
        if (found != null) {
          return found;
        }
      }
    } else if (original.isArray()) {
      for (int i = 0; i < original.size(); i++) {
        JsonNode found = find(original.get(i), copy.get(i), target);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** UTF-8 bytes of the text. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON tree written back as bytes; for tests that build seeds from a tree. */
  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One byte-level edit; positions wrap around the input's length. */
  record ByteEdit(Kind kind, int position, int length, byte value) {

    enum Kind {
      FLIP_BIT,
      SET_BYTE,
      TRUNCATE,
      DELETE_RUN,
      INSERT_BYTE,
      DUPLICATE_RUN,
      OVERWRITE_WORD
    }

    /**
     * Eight-byte values binary readers get wrong: doubles NaN, infinity and -0.0, the extreme
     * longs, and a varint that never ends.
     */
    private static final long[] WORDS = {
      Double.doubleToRawLongBits(Double.NaN),
      Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
      Double.doubleToRawLongBits(-0.0),
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      -1L
    };

    byte[] apply(byte[] in) {
      if (in.length == 0) {
        return kind == Kind.INSERT_BYTE ? new byte[] {value} : in;
      }
      int at = position % in.length;
      int run = Math.min(length, in.length - at);
      return switch (kind) {
        case FLIP_BIT -> {
          byte[] out = in.clone();
          out[at] ^= (byte) (1 << (position & 7));
          yield out;
        }
        case SET_BYTE -> {
          byte[] out = in.clone();
          out[at] = value;
          yield out;
        }
        case TRUNCATE -> Arrays.copyOf(in, at);
        case DELETE_RUN ->
            concat(Arrays.copyOf(in, at), Arrays.copyOfRange(in, at + run, in.length));
        case INSERT_BYTE ->
            concat(
                Arrays.copyOf(in, at), new byte[] {value}, Arrays.copyOfRange(in, at, in.length));
        case OVERWRITE_WORD -> {
          byte[] out = in.clone();
          long word = WORDS[(value & 0xff) % WORDS.length];
          for (int i = 0; i < Long.BYTES && at + i < out.length; i++) {
            out[at + i] = (byte) (word >>> (56 - 8 * i));
          }
          yield out;
        }
        case DUPLICATE_RUN ->
            concat(
                Arrays.copyOf(in, at + run),
                Arrays.copyOfRange(in, at, at + run),
                Arrays.copyOfRange(in, at + run, in.length));
      };
    }

    private static byte[] concat(byte[]... parts) {
      int size = 0;
      for (byte[] part : parts) {
        size += part.length;
      }
      byte[] out = new byte[size];
      int at = 0;
      for (byte[] part : parts) {
        System.arraycopy(part, 0, out, at, part.length);
        at += part.length;
      }
      return out;
    }
  }
}
