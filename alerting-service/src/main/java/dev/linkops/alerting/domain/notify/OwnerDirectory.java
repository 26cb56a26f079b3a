package dev.linkops.alerting.domain.notify;

import java.util.List;
import java.util.Optional;

/** People and teams live in Keycloak (DESIGN §5); this is how alerting finds their addresses. */
public interface OwnerDirectory {

    /** The e-mail Keycloak holds today for a username. */
    Optional<String> emailOf(String username);

    /** E-mails of the members of a team (a Keycloak group). */
    List<String> teamEmails(String team);

    /** E-mail of the team's escalation contact (group attribute), if it names one. */
    Optional<String> escalationEmailOf(String team);

    /** Thrown when the directory cannot be asked right now; the send is retried later. */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message + ": " + cause, cause);
        }
    }
}
