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

	private static final String PREFIX = "whsec_";

	private final byte[] key;

	/**
	 * Create a signer.
	 * @param secret the secret, {@code whsec_} followed by base64 (a secret without the prefix
	 * is taken as base64 too)
	 * @throws IllegalArgumentException when the secret is not base64
	 */
	public WebhookSigner(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		try {
			this.key = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			// Never the secret itself in the message: it ends up in logs
			throw new IllegalArgumentException("secret must be 'whsec_' followed by base64, "
					+ "such as whsec_c2VjcmV0LWtleS1vZi0zMi1ieXRlcy0xMjM0NTY=", ex);
		}
		if (this.key.length == 0) {
			throw new IllegalArgumentException("secret must be 'whsec_' followed by at least one byte in base64, was empty");
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
