package dev.agentobs.alert;

import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Mails alerts to a list of recipients, with a plain-text and an HTML body holding the numbers
 * and the recent errors.
 *
 * @since 0.1.0
 */
public class EmailNotifier implements AlertNotifier {

	private final JavaMailSender sender;

	private final String from;

	private final List<String> recipients;

	private final String service;

	private final String receiver;

	/**
	 * Create a notifier.
	 * @param sender sends the mail
	 * @param from the sender's address
	 * @param recipients the recipients, at least one
	 * @param service the application's name, shown in the body
	 * @param receiver a name for the mail server in logs, such as its host
	 */
	public EmailNotifier(JavaMailSender sender, String from, List<String> recipients, String service,
			String receiver) {
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("an e-mail notifier needs at least one recipient");
		}
		this.sender = sender;
		this.from = from;
		this.recipients = List.copyOf(recipients);
		this.service = service;
		this.receiver = receiver;
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
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(this.recipients.toArray(new String[0]));
		helper.setSubject(alert.subject());
		helper.setText(plainText(alert), html(alert));
		this.sender.send(message);
	}

	String plainText(Alert alert) {
		StringBuilder text = new StringBuilder(512);
		text.append(alert.subject()).append("\n\n").append(alert.description()).append("\n\n");
		facts(alert).forEach((fact) -> text.append(fact[0]).append(": ").append(fact[1]).append('\n'));
		if (!alert.recentErrors().isEmpty()) {
			text.append("\nRecent errors:\n");
			alert.recentErrors().forEach((error) -> text.append("- ").append(error).append('\n'));
		}
		return text.toString();
	}

	String html(Alert alert) {
		StringBuilder html = new StringBuilder(1024);
		html.append("<html><body><h2>")
			.append(escape(alert.subject()))
			.append("</h2><p>")
			.append(escape(alert.description()))
			.append("</p><table>");
		facts(alert).forEach((fact) -> html.append("<tr><th align=\"left\">")
			.append(escape(fact[0]))
			.append("</th><td>")
			.append(escape(fact[1]))
			.append("</td></tr>"));
		html.append("</table>");
		if (!alert.recentErrors().isEmpty()) {
			html.append("<h3>Recent errors</h3><ul>");
			alert.recentErrors().forEach((error) -> html.append("<li><code>").append(escape(error)).append("</code></li>"));
			html.append("</ul>");
		}
		return html.append("</body></html>").toString();
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

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
