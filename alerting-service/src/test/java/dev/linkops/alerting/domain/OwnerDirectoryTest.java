package dev.linkops.alerting.domain;

import dev.linkops.alerting.domain.notify.OwnerDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real Keycloak admin client against Keycloak's admin API stubbed at the network boundary. */
@QuarkusTest
class OwnerDirectoryTest {

    @Inject
    OwnerDirectory directory;

    @Test
    void anOwnersEmailComesFromKeycloak() {
        assertEquals(Optional.of("alice@shop.example"), directory.emailOf("alice"));
    }

    @Test
    void someoneKeycloakDoesNotKnowHasNoEmail() {
        assertEquals(Optional.empty(), directory.emailOf("mallory"));
    }

    @Test
    void aTeamsEscalationContactIsTheUserNamedOnTheGroup() {
        assertEquals(Optional.of("dana@shop.example"), directory.escalationEmailOf("marketing"));
    }

    @Test
    void aTeamsMembersAreTheGroupsMembers() {
        assertEquals(List.of("alice@shop.example", "bob@shop.example"), directory.teamEmails("marketing"));
    }
}
