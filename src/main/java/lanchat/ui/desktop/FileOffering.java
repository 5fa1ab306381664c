package lanchat.ui.desktop;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import lanchat.node.PeerInfo;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.Conversation;

/**
 * Sending files from the window: "Send file…" (a chooser for files and folders) and files dropped on the
 * messages both offer to the open conversation's peer. Hashing and offering happen on the backend's side;
 * the event dispatch thread only hands over the paths.
 */
final class FileOffering {
    private final ChatModel model;
    private final DesktopCommands commands;
    private final JFrame frame;

    FileOffering(ChatModel model, DesktopCommands commands, JFrame frame) {
        this.model = model;
        this.commands = commands;
        this.frame = frame;
    }

    /** Ctrl+O or "Send file…": the chooser, then the chosen files and folders go to the open peer. */
    void choose() {
        Conversation c = model.selected();
        if (c.peer() == null) {
            model.note("open a peer's conversation to send files (files go to one peer, not the room)", true);
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Send files to " + c.title());
        chooser.setMultiSelectionEnabled(true);
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        chooser.setApproveButtonText("Send");
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            offer(List.of(chooser.getSelectedFiles()));
        }
    }

    /** Offers {@code files} to the open conversation's peer; nothing in the room (an offer has one peer). */
    void offer(List<File> files) {
        PeerInfo peer = model.selected().peer();
        if (peer == null || files.isEmpty()) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (File f : files) {
            paths.add(f.getAbsolutePath());
        }
        commands.sendFiles(peer.displayName(), paths);
    }
}
