package io.streamsentinel.secrets;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that applies {@link Secrets#maskText} to each line before passing it on: the CLI's
 * stderr, where error messages quote whatever a library or an option said.
 *
 * <p>Masks line by line (a flush passes on the part line written so far): a secret split across two
 * flushes of one line could pass unmasked; printed messages flush once per line.
 */
public final class MaskingWriter extends Writer {

  private final Writer out;
  private final StringBuilder line = new StringBuilder();

  public MaskingWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    synchronized (lock) {
      for (int i = offset; i < offset + length; i++) {
        line.append(chars[i]);
        if (chars[i] == '\n') {
          passLine();
        }
      }
    }
  }

  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      passLine();
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      flush();
      out.close();
    }
  }

  private void passLine() throws IOException {
    if (!line.isEmpty()) {
      out.write(Secrets.maskText(line.toString()));
      line.setLength(0);
    }
  }
}
