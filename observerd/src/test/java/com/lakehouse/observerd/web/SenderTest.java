package com.lakehouse.observerd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import com.lakehouse.shared.auth.RequestActor;
import com.lakehouse.shared.error.ForbiddenOperationException;
import com.lakehouse.shared.journal.JournalEvent;
import com.lakehouse.shared.storage.StorageClient;

/** An outside sender cannot pose as a fleet service, and its events carry the actor observerd saw. */
class SenderTest {

    private static MockHttpServletRequest request(String serviceHeader) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/journal/events");
        request.setAttribute(RequestActor.ATTRIBUTE, "token:primary");
        if (serviceHeader != null) {
            request.addHeader(StorageClient.SERVICE_HEADER, serviceHeader);
        }
        return request;
    }

    private static JournalEvent event(String id, String actor, String source) {
        return new JournalEvent(id, null, "dataset", "sales", null, "delete", null, null, actor, source);
    }

    @Test
    void anOutsideEventNamingAFleetServiceIs403() {
        Sender outside = Sender.of(request(null));
        for (String source : List.of("catalogd", "Pathway", " vectord ", "gateway")) {
            assertThatThrownBy(() -> outside.journalEvents(List.of(event("e", null, "me"), event("e", null, source))))
                    .isInstanceOf(ForbiddenOperationException.class).hasMessageContaining("events[1].source");
            assertThatThrownBy(() -> outside.checkObserverSource(source)).isInstanceOf(ForbiddenOperationException.class);
        }
    }

    @Test
    void anOutsideEventGetsTheServerSeenActorAndAFreshId() {
        JournalEvent recorded = Sender.of(request(null)).journalEvents(List.of(event("catalogd-id", "system", "me")))
                .getFirst();
        assertThat(recorded.actor()).isEqualTo("token:primary");
        assertThat(recorded.eventId()).hasSize(36).isNotEqualTo("catalogd-id");
        assertThat(recorded.source()).isEqualTo("me");
    }

    @Test
    void theFleetsOwnClientsAreTakenAtTheirWord() {
        Sender fleet = Sender.of(request("catalogd"));
        JournalEvent sent = event("id-1", "token:secondary-1", "catalogd");
        assertThat(fleet.journalEvents(List.of(sent))).containsExactly(sent);
        fleet.checkObserverSource("catalogd");
        assertThat(fleet.actor()).isEqualTo("token:primary");
    }
}
