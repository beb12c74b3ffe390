package dev.rapport.oauth;

import java.time.Instant;

/**
 * What a sign-in left in the data folder: the refresh token, the last access token and its expiry,
 * or, after the provider refused the refresh token, why the user must sign in again ({@code
 * signedOut}). {@code toString} shows no token.
 */
public record StoredSignIn(
    String refreshToken, String accessToken, Instant expiresAt, String signedOut, Instant savedAt) {

  public boolean usable() {
    return signedOut == null && refreshToken != null;
  }

  @Override
  public String toString() {
    return usable()
        ? "signed in (saved " + savedAt + ")"
        : "signed out (" + (signedOut == null ? "no refresh token" : signedOut) + ")";
  }
}
