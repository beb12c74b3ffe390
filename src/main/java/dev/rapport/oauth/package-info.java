/**
 * OAuth2 sign-in for mail (docs/ACCOUNTS.md). {@link dev.rapport.oauth.Login} signs in (browser
 * with PKCE and a loopback redirect, or the device grant) and saves the sign-in through {@link
 * dev.rapport.oauth.SignInFile}; {@code rapport login} and {@code rapport setup} both use it:
 * {@code new Login(oauth2, dataFolder, env, clock, out).inBrowser(openBrowser)} or {@code
 * .onAnotherDevice()}. {@link dev.rapport.oauth.AccessTokens} turns the saved sign-in into access
 * tokens for SMTP and IMAP ({@link dev.rapport.mail.BearerToken}); {@link
 * dev.rapport.oauth.OAuthServer} holds the Google and Microsoft presets. Token handling is the
 * Nimbus OAuth 2.0 SDK's ({@link dev.rapport.oauth.TokenClient}).
 */
package dev.rapport.oauth;
