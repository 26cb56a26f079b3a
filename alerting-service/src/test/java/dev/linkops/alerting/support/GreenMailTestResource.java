package dev.linkops.alerting.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.linkops.infra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail, in-process) that the mailer sends to. */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {
    private static GreenMail greenMail;

    @Override
    public synchronized Map<String, String> start() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(FreePort.pick(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
