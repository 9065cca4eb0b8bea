package dev.agentobs.internal.alert;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertRule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmailNotifier} against a real SMTP server on loopback.
 */
class EmailNotifierTests {

	private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private EmailNotifier notifier;

	@BeforeEach
	void start() {
		this.smtp.start();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.smtp.getSmtp().getPort());
		this.notifier = new EmailNotifier(sender, "alerts@example.com",
				List.of("oncall@example.com", "lead@example.com"), "sample-app", "127.0.0.1");
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void firingAlertArrivesWithSubjectRecipientsAndNumbers() throws Exception {
		this.notifier.send(Alerts.firingErrorRate());
		MimeMessage[] received = this.smtp.getReceivedMessages();
		// one copy per recipient
		assertThat(received).hasSize(2);
		MimeMessage message = received[0];
		assertThat(message.getSubject()).isEqualTo("[FIRING] HighAgentErrorRate: research-agent 34% > 10%");
		assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@example.com");
		assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly("oncall@example.com", "lead@example.com");
		assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("Value: 34%", "Threshold: 10%", "Severity: critical")
			.contains("timed out after 30s")
			.contains("Agent: research-agent");
	}

	@Test
	void whatAnAlertQuotesArrivesAsWrittenInPlainText() throws Exception {
		this.notifier.send(new Alert(AlertRule.HIGH_ERROR_RATE, "<b>agent</b> & co", Alert.Status.FIRING, 0.34, 0.10,
				Alerts.STARTED, null, List.of("java.io.IOException: <html> page instead of JSON")));
		MimeMessage message = this.smtp.getReceivedMessages()[0];
		assertThat(message.getContentType()).startsWith("text/plain");
		assertThat((String) message.getContent()).contains("Agent: <b>agent</b> & co")
			.contains("- java.io.IOException: <html> page instead of JSON")
			.doesNotContain("&lt;", "&amp;");
	}

	@Test
	void resolvedAlertHasResolvedSubject() throws Exception {
		this.notifier.send(Alerts.resolvedErrorRate());
		assertThat(this.smtp.getReceivedMessages()[0].getSubject())
			.isEqualTo("[RESOLVED] HighAgentErrorRate: research-agent 2% > 10%");
	}

}
