package io.streamsentinel.response;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs each action as JSON to a URL, with an {@code Idempotency-Key} header holding the action id.
 * 5xx, 429 and I/O errors are transient (worth a retry); other 4xx are permanent.
 */
public final class WebhookNotifier implements Notifier {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI url;
  private final HttpClient http;

  public WebhookNotifier(URI url) {
    this.url = url;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public void notify(UserAction action) throws NotificationException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header(IDEMPOTENCY_KEY, action.actionId())
            .POST(HttpRequest.BodyPublishers.ofByteArray(UserActionCodec.encode(action)))
            .build();
    int status;
    try {
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new NotificationException(
          "webhook " + url + " unreachable: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationException("interrupted while calling " + url, true, e);
    }
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retriable = status >= 500 || status == 429;
    throw new NotificationException("webhook " + url + " answered HTTP " + status, retriable, null);
  }
}
