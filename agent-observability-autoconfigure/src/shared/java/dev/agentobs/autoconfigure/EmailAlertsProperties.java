package dev.agentobs.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.validation.Errors;

/**
 * E-mail delivery of alerts, under {@code monitoring.alerts.email.*}: through its own SMTP
 * settings or the application's mail sender.
 *
 * @since 0.1.0
 */
public class EmailAlertsProperties {

	private static final String JAVA_MAIL_SENDER = "org.springframework.mail.javamail.JavaMailSender";

	private static final String INTERNET_ADDRESS = "jakarta.mail.internet.InternetAddress";

	/**
	 * Whether alerts are mailed. When not set, they are as soon as recipients are set.
	 */
	private @Nullable Boolean enabled;

	/**
	 * The SMTP server. When not set, the application's JavaMailSender (spring.mail.*) sends
	 * the alerts.
	 */
	private @Nullable String smtpHost;

	/**
	 * The SMTP server's port.
	 */
	private int smtpPort = 587;

	/**
	 * The SMTP login.
	 */
	private @Nullable String username;

	/**
	 * The SMTP password.
	 */
	private @Nullable String password;

	/**
	 * Whether STARTTLS is used (and required) on the SMTP connection.
	 */
	private boolean starttls = true;

	/**
	 * The sender's address, such as alerts@example.org or "Agents <alerts@example.org>".
	 * Defaults to the username.
	 */
	private @Nullable String from;

	/**
	 * Who receives the alerts: one address each, such as oncall@example.org.
	 */
	private List<String> recipients = new ArrayList<>();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Whether alerts are mailed: as set, or else when there are recipients.
	 * @return whether e-mail is on
	 */
	public boolean isActive() {
		return (this.enabled != null) ? this.enabled : !this.recipients.isEmpty();
	}

	public @Nullable String getSmtpHost() {
		return this.smtpHost;
	}

	public void setSmtpHost(@Nullable String smtpHost) {
		this.smtpHost = smtpHost;
	}

	public int getSmtpPort() {
		return this.smtpPort;
	}

	public void setSmtpPort(int smtpPort) {
		this.smtpPort = smtpPort;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public boolean isStarttls() {
		return this.starttls;
	}

	public void setStarttls(boolean starttls) {
		this.starttls = starttls;
	}

	public @Nullable String getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable String from) {
		this.from = from;
	}

	public List<String> getRecipients() {
		return this.recipients;
	}

	public void setRecipients(List<String> recipients) {
		this.recipients = recipients;
	}

	/**
	 * The sender's address: as set, or else the username.
	 * @return the address, or {@code null} when neither is set
	 */
	@Nullable String sender() {
		return (this.from != null && !this.from.isBlank()) ? this.from : this.username;
	}

	void validate(Errors errors) {
		PropertyErrors.check(errors, this.smtpPort > 0 && this.smtpPort < 65536, "smtp-port", this.smtpPort,
				"a port from 1 to 65535, such as 587 (STARTTLS) or 465");
		if (!isActive()) {
			return;
		}
		PropertyErrors.check(errors, !this.recipients.isEmpty(), "recipients", this.recipients,
				"at least one address when e-mail alerts are on, or set monitoring.alerts.email.enabled=false");
		// The class loader of the application, which is the thread's while the context starts
		boolean mailSupport = ClassUtils.isPresent(JAVA_MAIL_SENDER, null) && ClassUtils.isPresent(INTERNET_ADDRESS, null);
		PropertyErrors.check(errors, mailSupport, "enabled", isActive(),
				"false without Spring's mail support: add spring-boot-starter-mail for e-mail alerts");
		if (!mailSupport) {
			// No alert can be mailed, and no address parsed
			return;
		}
		for (int i = 0; i < this.recipients.size(); i++) {
			String recipient = this.recipients.get(i);
			String problem = Addresses.problem(recipient);
			if (problem != null) {
				String field = "recipients[" + i + "]";
				PropertyErrors.reject(errors, field, recipient,
						field + " must be one e-mail address such as oncall@example.org, was " + recipient + " (" + problem + ")");
			}
		}
		validateSender(errors);
	}

	private void validateSender(Errors errors) {
		if (this.from != null && !this.from.isBlank()) {
			String problem = Addresses.problem(this.from);
			PropertyErrors.check(errors, problem == null, "from", this.from + " (" + problem + ")",
					"the sender's e-mail address, such as alerts@example.org");
		}
		else if (this.username != null && !this.username.isBlank()) {
			String problem = Addresses.problem(this.username);
			PropertyErrors.check(errors, problem == null, "from", this.from,
					"set to the sender's e-mail address, such as alerts@example.org, as the username (" + this.username
							+ ") is no address");
		}
		else {
			PropertyErrors.check(errors, false, "from", this.from,
					"the sender's e-mail address, such as alerts@example.org, or unset with a username that is one");
		}
	}

	/**
	 * Parses addresses with Jakarta Mail, strictly (RFC 822), as the mail server will. Apart
	 * from the properties so that they load without Jakarta Mail.
	 */
	private static final class Addresses {

		/**
		 * What is wrong with an address.
		 * @param address the address, such as {@code Ops <oncall@example.org>}
		 * @return the parser's reason, or {@code null} when it is one address
		 */
		static @Nullable String problem(String address) {
			try {
				new InternetAddress(address, true);
				return null;
			}
			catch (AddressException ex) {
				return ex.getMessage();
			}
		}

	}

}
