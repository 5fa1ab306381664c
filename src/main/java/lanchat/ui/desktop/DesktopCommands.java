package lanchat.ui.desktop;

import java.util.List;
import java.util.Locale;
import lanchat.node.PeerInfo;
import lanchat.ui.core.AsyncBackend;
import lanchat.ui.core.Command;
import lanchat.ui.core.CommandParser;
import lanchat.ui.core.HelpText;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.ConversationId;
import lanchat.ui.desktop.model.Message;

/**
 * What the composer's text does: the same commands as the terminal, through the asynchronous backend, so
 * the event dispatch thread never waits. Plain text goes to the open conversation: the room, or the peer.
 */
final class DesktopCommands implements TransfersPanel.Actions {
    private final ChatModel model;
    private final AsyncBackend backend;
    private final CommandParser parser = new CommandParser();
    private final Runnable quit;

    DesktopCommands(ChatModel model, AsyncBackend backend, Runnable quit) {
        this.model = model;
        this.backend = backend;
        this.quit = quit;
    }

    /** Runs one composer entry (may span several lines). */
    void submit(String input) {
        Command command = parser.parse(input);
        if (command instanceof Command.SetPresence) {
            backend.presence(((Command.SetPresence) command).presence(), error -> model.note(error, true));
            return; // setting it is activity too
        }
        backend.activity(); // every entry says the user is there
        if (command instanceof Command.Say) {
            say(((Command.Say) command).text());
        } else if (command instanceof Command.Me) {
            say(lanchat.ui.core.ActionText.encode(((Command.Me) command).action()));
        } else if (command instanceof Command.Wait) {
            model.note("/wait is for scripts; the sidebar shows who is here", true);
        } else if (command instanceof Command.Msg) {
            Command.Msg msg = (Command.Msg) command;
            whisper(conversationOf(msg.name()), msg.name(), msg.text());
        } else if (command instanceof Command.Nick) {
            backend.rename(((Command.Nick) command).name(), error -> model.note(error, true));
        } else if (command instanceof Command.Peers) {
            backend.peers(this::listPeers);
        } else if (command instanceof Command.Help) {
            String topic = ((Command.Help) command).topic();
            java.util.List<String> lines = topic == null ? HelpText.lines() : HelpText.about(topic);
            for (String line : lines == null ? java.util.List.of("there is no command " + topic) : lines) {
                model.note(line.replace("(Tab completes names anywhere)", "").strip(), false);
            }
        } else if (command instanceof Command.History) {
            backend.run(b -> b.history(((Command.History) command).words()), error -> model.note(error, true));
        } else if (command instanceof Command.Queue) {
            backend.run(lanchat.ui.core.ChatBackend::listQueue, error -> model.note(error, true));
        } else if (command instanceof Command.CancelQueued) {
            int n = ((Command.CancelQueued) command).number();
            backend.run(b -> b.cancelQueued(n), error -> model.note(error, true));
        } else if (command instanceof Command.SendFiles send) {
            sendFiles(send.name(), send.paths());
        } else if (command instanceof Command.AcceptFiles a) {
            backend.run(b -> b.acceptFiles(a.id()), error -> model.note(error, true));
        } else if (command instanceof Command.RejectFiles r) {
            backend.run(b -> b.rejectFiles(r.id()), error -> model.note(error, true));
        } else if (command instanceof Command.CancelFiles c) {
            backend.run(b -> b.cancelFiles(c.id()), error -> model.note(error, true));
        } else if (command instanceof Command.Transfers) {
            backend.run(b -> {
                java.util.List<lanchat.node.ChatEvent.FileTransferLine> lines = b.transfers();
                javax.swing.SwingUtilities.invokeLater(() -> model.apply(
                        new lanchat.node.ChatEvent.FileTransferList(lines)));
            }, error -> model.note(error, true));
        } else if (command instanceof Command.Quit) {
            quit.run();
        } else if (command instanceof Command.Invalid) {
            model.note(((Command.Invalid) command).problem(), true);
        }
    }

    /** Offers files to the peer called {@code name}; the offer and its progress come back as file events. */
    void sendFiles(String name, List<String> paths) {
        model.note("hashing " + String.join(", ", paths) + " before offering it to " + name + "…", false);
        backend.run(b -> {
            try {
                b.sendFiles(name, paths);
            } catch (lanchat.node.PeerLookupException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }, error -> model.note(error, true));
    }

    /** The transfers panel's buttons: the same as /accept, /reject and /cancel with the row's id. */
    @Override
    public void accept(String id) {
        submit("/accept " + id);
    }

    @Override
    public void reject(String id) {
        submit("/reject " + id);
    }

    @Override
    public void cancel(String id) {
        submit("/cancel " + id);
    }

    private void say(String text) {
        ConversationId open = model.selected().id();
        if (open.room()) {
            Message m = model.sending(open, text);
            backend.say(text, id -> model.sent(m, id, null, text), error -> model.refused(m, error));
        } else {
            PeerInfo peer = model.selected().peer();
            whisper(open, peer.displayName(), text);
        }
    }

    private void whisper(ConversationId where, String name, String text) {
        Message m = model.sending(where, text);
        backend.whisper(name, text, id -> {
            if (id == lanchat.ui.core.ChatBackend.QUEUED) {
                model.queued(m, name);
            } else {
                model.sent(m, id, name, text);
            }
        }, error -> model.refused(m, error));
    }

    /** The direct conversation with the live peer called {@code name}, or the open one when none matches. */
    private ConversationId conversationOf(String name) {
        for (PeerInfo p : model.online().values()) {
            if (p.displayName().equals(name) || p.displayName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                ConversationId id = new ConversationId(p.id());
                if (model.conversation(id) != null) {
                    return id;
                }
            }
        }
        return model.selected().id();
    }

    private void listPeers(List<PeerInfo> peers) {
        if (peers.isEmpty()) {
            model.note("Nobody else is in sight.", false);
            return;
        }
        for (PeerInfo p : peers) {
            model.note(PeerDetails.describe(p), false);
        }
    }
}
