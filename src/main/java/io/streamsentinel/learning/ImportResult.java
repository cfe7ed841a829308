package io.streamsentinel.learning;

/**
 * What an import did.
 *
 * @param linesRead lines of the file read, header and blank lines included
 * @param fraud fraud labels Kafka acknowledged
 * @param legitimate legitimate labels Kafka acknowledged
 * @param badLines lines that were not labels, none of them sent
 * @param failedSends labels Kafka did not take
 * @param fatalError the non-retriable error that stopped the import early, or null
 */
public record ImportResult(
    long linesRead,
    long fraud,
    long legitimate,
    long badLines,
    long failedSends,
    Exception fatalError) {

  public long sent() {
    return fraud + legitimate;
  }
}
