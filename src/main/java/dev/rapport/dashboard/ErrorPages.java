package dev.rapport.dashboard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers by itself, before a request reaches the dashboard (a malformed address,
 * headers or an address too long): a line of plain text with the dashboard's {@link
 * SecurityHeaders}, instead of Jetty's HTML page without them.
 */
final class ErrorPages extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    SecurityHeaders.ALL.forEach(headers::put);
    headers.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.write(true, ByteBuffer.wrap(text(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.ALL.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    return ByteBuffer.wrap(text(status));
  }

  private static byte[] text(int code) {
    return (code
            + " "
            + HttpStatus.getMessage(code)
            + ": the dashboard could not read this request.\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
