package io.streamsentinel.response;

import io.streamsentinel.codec.UserActionCodec;
import io.streamsentinel.domain.UserAction;
import io.streamsentinel.secrets.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs each action as JSON to a URL, with an {@code Idempotency-Key} header holding the action id.
 * 5xx, 429, I/O errors and timeouts are transient (worth a retry); other 4xx are permanent.
 *
 * <p>The whole exchange — connect, request, response headers and body — has one deadline: {@link
 * HttpRequest#timeout} alone ends at the response headers, so a server that trickles its body would
 * otherwise hold the caller for as long as it likes. Known limitation: on that deadline the
 * exchange is abandoned, not torn down; the JDK client may read the rest of the body in the
 * background.
 */
public final class WebhookNotifier implements Notifier {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** The default deadline of one whole exchange. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI url;

  /** The URL as it may be printed: scheme, host and port only (the path may be the secret). */
  private final String shownUrl;

  private final Duration timeout;
  private final HttpClient http;

  public WebhookNotifier(URI url) {
    this(url, TIMEOUT);
  }

  /**
   * @param timeout the deadline of one whole exchange, connecting included
   */
  public WebhookNotifier(URI url, Duration timeout) {
    this.url = url;
    this.shownUrl = Secrets.maskedUrl(url.toString());
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public void notify(UserAction action) throws NotificationException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header(IDEMPOTENCY_KEY, action.actionId())
            .POST(HttpRequest.BodyPublishers.ofByteArray(UserActionCodec.encode(action)))
            .build();
    CompletableFuture<HttpResponse<Void>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    int status;
    try {
      status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new NotificationException(
          "webhook " + shownUrl + " did not answer within " + timeout, true, e);
    } catch (ExecutionException e) {
      throw new NotificationException(
          "webhook " + shownUrl + " unreachable: " + Secrets.maskText(String.valueOf(e.getCause())),
          true,
          e.getCause());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new NotificationException("interrupted while calling " + shownUrl, true, e);
    }
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retriable = status >= 500 || status == 429;
    throw new NotificationException(
        "webhook " + shownUrl + " answered HTTP " + status, retriable, null);
  }
}
