package dev.linkops.redirect.clicks;

import java.util.concurrent.CompletionStage;

/** Where shipped clicks go. The stage completes when the broker took the click, fails when it did not. */
public interface ClickSink {

    CompletionStage<Void> send(String clickId, String envelopeJson);
}
