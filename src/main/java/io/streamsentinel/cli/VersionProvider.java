package io.streamsentinel.cli;

import org.apache.kafka.common.utils.internals.AppInfoParser;
import picocli.CommandLine;

/** Prints our version, the Kafka client version and the JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String ours = SentinelCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "Stream-Sentinel " + (ours == null ? "(development build)" : ours),
      "Apache Kafka " + AppInfoParser.getVersion(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
