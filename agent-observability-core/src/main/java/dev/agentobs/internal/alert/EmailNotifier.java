package dev.agentobs.internal.alert;

import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertNotifier;

/**
 * Mails alerts to a list of recipients, as plain text holding the numbers and the recent
 * errors. Plain text needs no escaping of what an alert quotes (agent names, error messages),
 * and reads the same in every mail client and pager.
 *
 * @since 0.1.0
 */
public class EmailNotifier implements AlertNotifier {

	private final JavaMailSender sender;

	private final String from;

	private final List<String> recipients;

	private final String service;

	private final String receiver;

	private final RunbookLinks runbooks;

	/**
	 * Create a notifier.
	 * @param sender sends the mail
	 * @param from the sender's address
	 * @param recipients the recipients, at least one
	 * @param service the application's name, shown in the body
	 * @param receiver a name for the mail server in logs, such as its host
	 * @param runbooks the runbook of each alert, shown when there is one
	 */
	public EmailNotifier(JavaMailSender sender, String from, List<String> recipients, String service,
			String receiver, RunbookLinks runbooks) {
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("an e-mail notifier needs at least one recipient");
		}
		this.sender = sender;
		this.from = from;
		this.recipients = List.copyOf(recipients);
		this.service = service;
		this.receiver = receiver;
		this.runbooks = runbooks;
	}

	@Override
	public String channel() {
		return "email";
	}

	@Override
	public String receiver() {
		return this.receiver;
	}

	@Override
	public void send(Alert alert) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(this.recipients.toArray(new String[0]));
		helper.setSubject(alert.subject());
		helper.setText(plainText(alert));
		this.sender.send(message);
	}

	String plainText(Alert alert) {
		StringBuilder text = new StringBuilder(512);
		text.append(alert.subject()).append("\n\n").append(alert.description()).append("\n\n");
		facts(alert).forEach((fact) -> text.append(fact[0]).append(": ").append(fact[1]).append('\n'));
		if (alert.note() != null) {
			text.append("Note: ").append(alert.note()).append('\n');
		}
		String runbook = this.runbooks.of(alert.name());
		if (runbook != null) {
			text.append("Runbook: ").append(runbook).append('\n');
		}
		if (!alert.recentErrors().isEmpty()) {
			text.append("\nRecent errors:\n");
			alert.recentErrors().forEach((error) -> text.append("- ").append(error).append('\n'));
		}
		return text.toString();
	}

	private List<String[]> facts(Alert alert) {
		DateTimeFormatter time = DateTimeFormatter.ISO_INSTANT;
		return List.of(new String[] { "Status", alert.status().label() },
				new String[] { "Severity", alert.severity().label() },
				new String[] { "Agent", (alert.agent() != null) ? alert.agent() : "all agents" },
				new String[] { "Value", alert.rule().format(alert.value()) },
				new String[] { "Threshold", alert.rule().format(alert.threshold()) },
				new String[] { "Since", time.format(alert.startsAt()) },
				new String[] { "Resolved", (alert.endsAt() != null) ? time.format(alert.endsAt()) : "-" },
				new String[] { "Service", this.service });
	}

}
