package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;

/**
 * Shows everything on the main view and copies the conversation to a transcript (the --log file): events,
 * our messages, errors and notices. Help, /peers tables and engine logs are for the moment, not the record.
 */
public final class TranscriptTee implements ChatView {
    private final ChatView main;
    private final ChatView transcript;

    public TranscriptTee(ChatView main, ChatView transcript) {
        this.main = main;
        this.transcript = transcript;
    }

    @Override
    public void event(ChatEvent event) {
        main.event(event);
        transcript.event(event);
    }

    @Override
    public void ownMessage(long messageId, String directTo, String text) {
        main.ownMessage(messageId, directTo, text);
        transcript.ownMessage(messageId, directTo, text);
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        main.peers(peers);
    }

    @Override
    public void error(String message) {
        main.error(message);
        transcript.error(message);
    }

    @Override
    public void notice(String message) {
        main.notice(message);
        transcript.notice(message);
    }

    @Override
    public void help(List<String> lines) {
        main.help(lines);
    }

    @Override
    public void whois(lanchat.node.Whois w, boolean justVerified) {
        main.whois(w, justVerified);
    }

    @Override
    public void waited(String name, PeerInfo found, Duration limit) {
        main.waited(name, found, limit);
        transcript.waited(name, found, limit);
    }

    @Override
    public void log(String line) {
        main.log(line);
    }

    @Override
    public void close() {
        main.close();
        transcript.close();
    }
}
