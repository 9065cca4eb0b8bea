package dev.agentobs.internal.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies the Standard Webhooks way: header {@code webhook-signature} holds
 * {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the secret
 * given as {@code whsec_<base64>}.
 *
 * @since 0.1.0
 */
public final class WebhookSigner {

	/**
	 * The fewest bytes a secret may have: the Standard Webhooks minimum for HMAC-SHA256 keys
	 * (192 bits), counted after base64 decoding.
	 */
	public static final int MIN_SECRET_BYTES = 24;

	private static final String PREFIX = "whsec_";

	// What would be right, and how to make it; never the secret itself: messages reach logs
	private static final String EXPECTED = "secret must be 'whsec_' followed by the base64 of " + MIN_SECRET_BYTES
			+ " or more random bytes (make one with: echo whsec_$(openssl rand -base64 32)), was ";

	private final byte[] key;

	/**
	 * Create a signer.
	 * @param secret the secret, {@code whsec_} followed by the base64 of at least
	 * {@link #MIN_SECRET_BYTES} bytes (a secret without the prefix is taken as base64 too)
	 * @throws IllegalArgumentException when the secret is not base64 or too short, giving its
	 * length but not its value
	 */
	public WebhookSigner(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		try {
			this.key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			// Not chained: the decoder's message quotes a character of the secret
			throw new IllegalArgumentException(EXPECTED + "no base64 (" + secret.length() + " characters)");
		}
		if (this.key.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException(EXPECTED + this.key.length + ((this.key.length == 1) ? " byte" : " bytes"));
		}
	}

	/**
	 * The signature header's value for one message.
	 * @param id the message id (header {@code webhook-id})
	 * @param timestamp seconds since the epoch (header {@code webhook-timestamp})
	 * @param body the exact body sent
	 * @return {@code v1,<base64>}
	 */
	public String sign(String id, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			byte[] signature = mac.doFinal(body);
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
