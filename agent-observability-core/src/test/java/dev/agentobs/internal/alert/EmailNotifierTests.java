package dev.agentobs.internal.alert;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import dev.agentobs.alert.Alert;
import dev.agentobs.alert.AlertRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Tests for {@link EmailNotifier} against a real SMTP server on loopback, alone and behind its
 * {@link NotificationQueue}.
 */
@ExtendWith(OutputCaptureExtension.class)
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
				List.of("oncall@example.com", "lead@example.com"), "sample-app", "127.0.0.1", RunbookLinks.NONE);
	}

	private final List<NotificationOutcome> outcomes = new CopyOnWriteArrayList<>();

	private NotificationQueue queue;

	@AfterEach
	void stop() {
		if (this.queue != null) {
			this.queue.close();
		}
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
	void alertWithARunbookLinksIt() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(this.smtp.getSmtp().getPort());
		new EmailNotifier(sender, "alerts@example.com", List.of("oncall@example.com"), "sample-app", "127.0.0.1",
				new RunbookLinks(URI.create("https://github.com/acme/ops/blob/main/agents.md#")))
			.send(Alerts.firingErrorRate());
		assertThat(GreenMailUtil.getBody(this.smtp.getReceivedMessages()[0]))
			.contains("Runbook: https://github.com/acme/ops/blob/main/agents.md#highagenterrorrate");
		assertThat(this.notifier.plainText(Alerts.firingErrorRate())).doesNotContain("Runbook");
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

	@Test
	void mailServerThatIsDownGetsTheAlertOnceItIsBack(CapturedOutput output) throws Exception {
		int port = freePort();
		this.queue = queue(sender(port));
		this.queue.offer(Alerts.firingErrorRate());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.outcomes.contains(NotificationOutcome.FAILED));
		assertThat(output).contains("Could not deliver HighAgentErrorRate (firing) to email email (127.0.0.1)")
			.contains("java.net.ConnectException: Connection refused")
			.contains("it stays pending");
		GreenMail later = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		later.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> later.getReceivedMessages().length == 2);
			assertThat(later.getReceivedMessages()[0].getSubject())
				.isEqualTo("[FIRING] HighAgentErrorRate: research-agent 34% > 10%");
			assertThat(this.outcomes).endsWith(NotificationOutcome.SENT).doesNotContain(NotificationOutcome.DROPPED);
		}
		finally {
			later.stop();
		}
	}

	@Test
	void mailServerThatNeverSpeaksHoldsNeitherTheCallerNorTheAlert(CapturedOutput output) throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new CopyOnWriteArrayList<>();
			Thread acceptor = new Thread(() -> {
				while (!silent.isClosed()) {
					try {
						accepted.add(silent.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			this.queue = queue(sender(silent.getLocalPort()));
			assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
				for (int i = 0; i < 100; i++) {
					this.queue.offer(Alerts.firing("agent-" + i));
				}
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> this.outcomes.contains(NotificationOutcome.FAILED));
			assertThat(output).contains("java.net.SocketTimeoutException: Read timed out");
			assertThat(this.queue.size()).as("still pending").isGreaterThanOrEqualTo(99);
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	private NotificationQueue queue(JavaMailSenderImpl sender) {
		NotificationQueue queue = new NotificationQueue(new EmailNotifier(sender, "alerts@example.com",
				List.of("oncall@example.com", "lead@example.com"), "sample-app", "127.0.0.1", RunbookLinks.NONE), "email", 100,
				Duration.ofMillis(50), Duration.ofMinutes(5), (channel, name, outcome) -> this.outcomes.add(outcome));
		queue.start();
		return queue;
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "500");
		properties.setProperty("mail.smtp.timeout", "500");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
