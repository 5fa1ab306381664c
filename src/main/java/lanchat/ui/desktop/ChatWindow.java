package lanchat.ui.desktop;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.AbstractListModel;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.text.DefaultEditorKit;
import lanchat.node.PeerInfo;
import lanchat.ui.core.AsyncBackend;
import lanchat.ui.desktop.model.ChatItem;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.Conversation;
import lanchat.ui.desktop.model.ConversationId;
import lanchat.ui.desktop.model.Message;
import lanchat.ui.desktop.model.ModelListener;

/**
 * The desktop window: conversations on the left, the open conversation's bubbles on the right, the composer
 * below. Everything here runs on the event dispatch thread and talks to the engine only through the
 * asynchronous backend, so nothing in the window ever waits for the network.
 */
final class ChatWindow implements ModelListener {
    private final ChatModel model;
    private final AsyncBackend backend;
    private final Themes themes;
    private final float defaultSize;
    private final JFrame frame = new JFrame("lanchat");
    private final SidebarModel sidebarModel = new SidebarModel();
    private final JList<Conversation> sidebar = new JList<>(sidebarModel);
    private final BubbleRenderer renderer;
    private final JList<ChatItem> messages;
    private final JScrollPane messageScroll;
    private final JTextArea composer = new JTextArea(2, 40);
    private final JLabel title = new JLabel("Room");
    private final JLabel subtitle = new JLabel(" ");
    /** Peer details: the key's fingerprint and safety number, and a way to mark it verified. */
    private final JButton verifyButton = new JButton("Key…");
    /** Offers files to the open conversation's peer (also: Ctrl+O, or drop files on the messages). */
    private final JButton sendFileButton = new JButton("Send file…");
    private final TransfersPanel transfers;
    private final FileOffering fileOffering;
    private final ConversationHistory history;
    private final Map<ConversationId, ItemListModel> itemModels = new HashMap<>();
    private final Notifier notifier;
    private final DesktopCommands commands;
    private final Timer detailsTimer;
    private boolean updatingSidebar;

    ChatWindow(ChatModel model, AsyncBackend backend, Themes themes, Runnable quit) {
        this.model = model;
        this.backend = backend;
        this.themes = themes;
        this.defaultSize = themes.size();
        this.renderer = new BubbleRenderer(model);
        this.messages = new MessageList(renderer);
        this.messageScroll = new JScrollPane(messages, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        this.notifier = new Notifier(frame, this::normalTitle);
        this.commands = new DesktopCommands(model, backend, quit);
        this.fileOffering = new FileOffering(model, commands, frame);
        this.transfers = new TransfersPanel(model, commands);
        this.history = new ConversationHistory(model, backend);
        this.detailsTimer = new Timer(1000, e -> refreshDetails());
        build(quit);
        model.addListener(this);
        conversationsChanged();
        transfers.changed(null); // rows the model had before the window (events may come first)
        open(model.selected());
    }

    JFrame frame() {
        return frame;
    }

    JList<Conversation> sidebar() {
        return sidebar;
    }

    JList<ChatItem> messages() {
        return messages;
    }

    JTextArea composer() {
        return composer;
    }

    JLabel subtitle() {
        return subtitle;
    }

    Notifier notifier() {
        return notifier;
    }

    Themes themes() {
        return themes;
    }

    void show() {
        frame.setVisible(true);
        composer.requestFocusInWindow();
        detailsTimer.start();
    }

    void dispose() {
        detailsTimer.stop();
        notifier.dispose();
        frame.dispose();
    }

    private void build(Runnable quit) {
        frame.setDefaultCloseOperation(JFrame.DO_NOTHING_ON_CLOSE);
        frame.setIconImage(Notifier.icon());
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                quit.run();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                model.focused(true);
                notifier.stop();
            }

            @Override
            public void windowDeactivated(WindowEvent e) {
                model.focused(false);
            }
        });

        sidebar.setCellRenderer(new ConversationRenderer());
        sidebar.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        sidebar.getAccessibleContext().setAccessibleName("Conversations");
        sidebar.addListSelectionListener(e -> {
            Conversation c = sidebar.getSelectedValue();
            if (!updatingSidebar && !e.getValueIsAdjusting() && c != null && c != model.selected()) {
                model.select(c.id());
                open(c);
            }
        });
        JScrollPane sideScroll = new JScrollPane(sidebar);
        sideScroll.setBorder(BorderFactory.createEmptyBorder());
        sideScroll.setMinimumSize(new Dimension(180, 100));

        messages.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        messages.getAccessibleContext().setAccessibleName("Messages");
        messageScroll.setBorder(BorderFactory.createEmptyBorder());
        messageScroll.getVerticalScrollBar().setUnitIncrement(24);
        messages.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                relayoutMessages();
            }
        });
        LinkMouse linkMouse = new LinkMouse();
        messages.addMouseListener(linkMouse);
        messages.addMouseMotionListener(linkMouse);
        FileDrop.install(messages, () -> model.selected().peer() != null, fileOffering::offer);
        bind(messages, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open-link", this::openSelectedLink);
        bind(messages, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "to-composer",
                () -> composer.requestFocusInWindow());

        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.2f));
        subtitle.putClientProperty("FlatLaf.styleClass", "small");
        JPanel header = new JPanel(new BorderLayout());
        JPanel titles = new JPanel(new BorderLayout());
        titles.setOpaque(false);
        titles.add(title, BorderLayout.NORTH);
        titles.add(subtitle, BorderLayout.SOUTH);
        header.add(titles, BorderLayout.CENTER);
        verifyButton.setToolTipText("The key fingerprint and safety number of this peer; verify it");
        verifyButton.addActionListener(e -> showKey());
        verifyButton.setVisible(false);
        sendFileButton.setToolTipText("Offer files or folders to this peer (Ctrl+O; or drop them on the messages)");
        sendFileButton.addActionListener(e -> fileOffering.choose());
        sendFileButton.setVisible(false);
        JPanel headerButtons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 6, 0));
        headerButtons.setOpaque(false);
        headerButtons.add(sendFileButton);
        headerButtons.add(verifyButton);
        header.add(headerButtons, BorderLayout.EAST);
        header.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 16, 10, 16)));

        composer.setLineWrap(true);
        composer.setWrapStyleWord(true);
        composer.getAccessibleContext().setAccessibleName("Message");
        composer.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        composer.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        composer.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, InputEvent.SHIFT_DOWN_MASK),
                DefaultEditorKit.insertBreakAction);
        bind(composer, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "send", this::send);
        composer.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        JScrollPane composerScroll = new JScrollPane(composer, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        JButton sendButton = new JButton("Send");
        sendButton.setMnemonic(KeyEvent.VK_S);
        sendButton.addActionListener(e -> send());
        sendButton.putClientProperty("JButton.buttonType", "roundRect");
        JPanel composerRow = new JPanel(new BorderLayout(8, 0));
        composerRow.setBorder(BorderFactory.createEmptyBorder(8, 12, 10, 12));
        composerRow.add(composerScroll, BorderLayout.CENTER);
        composerRow.add(sendButton, BorderLayout.EAST);

        JPanel conversation = new JPanel(new BorderLayout());
        conversation.add(header, BorderLayout.NORTH);
        conversation.add(messageScroll, BorderLayout.CENTER);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(transfers.component(), BorderLayout.NORTH);
        bottom.add(composerRow, BorderLayout.SOUTH);
        conversation.add(bottom, BorderLayout.SOUTH);

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, sideScroll, conversation);
        split.setDividerLocation(260);
        split.setDividerSize(1);
        split.setBorder(BorderFactory.createEmptyBorder());
        frame.setContentPane(split);
        frame.setJMenuBar(menus(quit));
        keys();
        frame.setSize(980, 680);
        frame.setMinimumSize(new Dimension(640, 420));
        frame.setLocationByPlatform(true);
    }

    private JMenuBar menus(Runnable quit) {
        JMenuBar bar = new JMenuBar();
        JMenu chat = new JMenu("Chat");
        chat.setMnemonic(KeyEvent.VK_C);
        chat.add(item("Next conversation", KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, InputEvent.CTRL_DOWN_MASK),
                () -> step(1)));
        chat.add(item("Previous conversation", KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, InputEvent.CTRL_DOWN_MASK),
                () -> step(-1)));
        chat.add(item("Write a message", KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK),
                () -> composer.requestFocusInWindow()));
        chat.add(item("Peers", KeyStroke.getKeyStroke(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK),
                () -> commands.submit("/peers")));
        chat.add(item("Send file…", KeyStroke.getKeyStroke(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK),
                () -> fileOffering.choose()));
        chat.addSeparator();
        chat.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), quit));
        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        view.add(item("Larger text", KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, InputEvent.CTRL_DOWN_MASK),
                () -> resize(1)));
        view.add(item("Smaller text", KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, InputEvent.CTRL_DOWN_MASK),
                () -> resize(-1)));
        view.add(item("Normal text size", KeyStroke.getKeyStroke(KeyEvent.VK_0, InputEvent.CTRL_DOWN_MASK),
                () -> resize(0)));
        view.addSeparator();
        view.add(item("Dark theme on/off", KeyStroke.getKeyStroke(KeyEvent.VK_D,
                InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), this::toggleTheme));
        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.add(item("Commands", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), () -> commands.submit("/help")));
        bar.add(chat);
        bar.add(view);
        bar.add(help);
        return bar;
    }

    /** Shortcuts that need no menu entry: Ctrl+1…9 opens the n-th conversation, Ctrl+plus on keypads. */
    private void keys() {
        JComponent root = frame.getRootPane();
        for (int n = 1; n <= 9; n++) {
            int index = n - 1;
            bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_0 + n, InputEvent.CTRL_DOWN_MASK), "open-" + n,
                    () -> openAt(index));
        }
        bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_ADD, InputEvent.CTRL_DOWN_MASK), "bigger", () -> resize(1));
        bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_PLUS, InputEvent.CTRL_DOWN_MASK), "bigger2",
                () -> resize(1));
        bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_SUBTRACT, InputEvent.CTRL_DOWN_MASK), "smaller",
                () -> resize(-1));
        bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.ALT_DOWN_MASK), "next", () -> step(1));
        bindGlobal(root, KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.ALT_DOWN_MASK), "previous", () -> step(-1));
    }

    private static JMenuItem item(String text, KeyStroke key, Runnable run) {
        JMenuItem item = new JMenuItem(text);
        item.setAccelerator(key);
        item.addActionListener(e -> run.run());
        return item;
    }

    private static void bind(JComponent c, KeyStroke key, String name, Runnable run) {
        c.getInputMap(JComponent.WHEN_FOCUSED).put(key, name);
        c.getActionMap().put(name, action(run));
    }

    private static void bindGlobal(JComponent c, KeyStroke key, String name, Runnable run) {
        c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(key, name);
        c.getActionMap().put(name, action(run));
    }

    private static Action action(Runnable run) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
    }

    /** Enter in the composer: send the text, or run the command. */
    void send() {
        String text = composer.getText();
        if (text.isBlank()) {
            return;
        }
        composer.setText("");
        commands.submit(text);
    }

    /** Offers {@code files} to the open conversation's peer (the scenario's way in, like a drop). */
    void offer(List<java.io.File> files) {
        fileOffering.offer(files);
    }

    JButton sendFileButton() {
        return sendFileButton;
    }

    TransfersPanel transfers() {
        return transfers;
    }

    private void step(int delta) {
        List<Conversation> list = sidebarModel.items;
        int at = list.indexOf(model.selected());
        openAt(Math.floorMod(at + delta, list.size()));
    }

    private void openAt(int index) {
        if (index < sidebarModel.items.size()) {
            Conversation c = sidebarModel.items.get(index);
            model.select(c.id());
            open(c);
            composer.requestFocusInWindow();
        }
    }

    /** Shows {@code c}'s messages, scrolled to the newest; the first time, its last lines from the history. */
    void open(Conversation c) {
        messages.setModel(itemModel(c));
        if (model.historyWanted(c.id())) {
            history.load(c);
        }
        title.setText(c.title());
        composer.putClientProperty("JTextField.placeholderText",
                c.id().room() ? "Message everyone  (Enter sends, Shift+Enter new line, /help)"
                        : "Message " + c.title() + "  (Enter sends, Shift+Enter new line)");
        refreshDetails();
        scrollToEnd();
    }

    private ItemListModel itemModel(Conversation c) {
        return itemModels.computeIfAbsent(c.id(), id -> new ItemListModel(c));
    }

    private void scrollToEnd() {
        int last = messages.getModel().getSize() - 1;
        if (last >= 0) {
            messages.ensureIndexIsVisible(last);
            SwingUtilities.invokeLater(() -> {
                int end = messages.getModel().getSize() - 1;
                if (end >= 0) {
                    messages.ensureIndexIsVisible(end);
                }
            });
        }
    }

    private boolean atEnd() {
        javax.swing.JScrollBar bar = messageScroll.getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 40;
    }

    private void resize(float steps) {
        themes.resize(steps, defaultSize);
        relayoutMessages();
    }

    private void toggleTheme() {
        themes.toggleDark();
        relayoutMessages();
    }

    /** Row heights depend on the width and the font: make the list measure every row again. */
    private void relayoutMessages() {
        messages.setFixedCellHeight(10);
        messages.setFixedCellHeight(-1);
    }

    private void refreshDetails() {
        Conversation c = model.selected();
        verifyButton.setVisible(false); // only for a peer in sight, once its details arrive
        sendFileButton.setVisible(c.online() && !c.id().room());
        if (c.id().room()) {
            int n = model.online().size();
            subtitle.setText(n == 0 ? "Nobody else is here yet" : n == 1 ? "1 other person online"
                    : n + " other people online");
            return;
        }
        if (!c.online()) {
            subtitle.setText("offline" + (c.peer() != null ? "  ·  last at " + PeerDetails.address(c.peer()) : ""));
            return;
        }
        long id = c.id().peerId();
        backend.peers(peers -> {
            if (model.selected() != c) {
                return;
            }
            subtitle.setText("online"); // until its details are found: never the previous peer's
            for (PeerInfo p : peers) {
                if (p.id() == id) {
                    subtitle.setText(PeerDetails.presence(p) + "  ·  " + PeerDetails.address(p) + "  ·  RTT " + PeerDetails.rtt(p)
                            + "  ·  heard " + String.format(java.util.Locale.ROOT, "%.1f s ago",
                                    p.lastHeardMillisAgo() / 1000.0)
                            + "  ·  " + lanchat.ui.core.WhoisText.status(p.trust()));
                    verifyButton.setVisible(true);
                }
            }
        });
    }

    /** The selected peer's key: fingerprint and safety number, and Verify once both people compared it. */
    private void showKey() {
        Conversation c = model.selected();
        if (c == null || c.peer() == null) {
            return;
        }
        String name = c.peer().displayName();
        backend.whois(name, w -> {
            String text = String.join("\n", lanchat.ui.core.WhoisText.lines(w, false));
            int choice = javax.swing.JOptionPane.showOptionDialog(frame, text, "Key of " + name,
                    javax.swing.JOptionPane.DEFAULT_OPTION, javax.swing.JOptionPane.INFORMATION_MESSAGE, null,
                    new Object[] {"The numbers match: verify", "Close"}, "Close");
            if (choice == 0) {
                backend.verify(name, v -> refreshDetails(), problem -> showError(problem));
            }
        }, problem -> showError(problem));
    }

    private void showError(String problem) {
        javax.swing.JOptionPane.showMessageDialog(frame, problem, "lanchat", javax.swing.JOptionPane.WARNING_MESSAGE);
    }

    private String normalTitle() {
        int unread = model.unreadTotal();
        String me = model.self() == null ? "" : " — " + lanchat.ui.core.Sanitizer.visible(model.self().displayName(),
                lanchat.ui.core.Glyphs.UNICODE);
        return (unread > 0 ? "(" + unread + ") " : "") + "lanchat" + me;
    }

    // ModelListener: called on the event dispatch thread.

    @Override
    public void conversationsChanged() {
        updatingSidebar = true;
        try {
            sidebarModel.set(model.conversations());
            sidebar.setSelectedValue(model.selected(), false);
        } finally {
            updatingSidebar = false;
        }
        if (!notifier.flashing()) {
            frame.setTitle(normalTitle());
        }
        if (title.getText() != null && !title.getText().equals(model.selected().title())) {
            title.setText(model.selected().title());
        }
        refreshDetails();
    }

    @Override
    public void itemsAppended(Conversation c, int from, int to) {
        boolean shown = c == model.selected();
        boolean follow = shown && (atEnd() || ownAmong(c, from, to));
        itemModel(c).appended(from, to);
        if (follow) {
            scrollToEnd();
        }
    }

    private static boolean ownAmong(Conversation c, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (c.items().get(i) instanceof Message && ((Message) c.items().get(i)).own()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void itemsInserted(Conversation c, int from, int to) {
        boolean follow = c == model.selected() && atEnd();
        itemModel(c).appended(from, to); // the list model's "interval added" covers an insertion too
        if (follow) {
            scrollToEnd();
        }
    }

    @Override
    public void itemChanged(Conversation c, int index) {
        renderer.forget(c.items().get(index));
        itemModel(c).changed(index);
    }

    @Override
    public void notifyIncoming(Conversation c, Message m) {
        notifier.notify(c.id().room() ? m.sender() + " in the room" : m.sender(), m.text());
    }

    @Override
    public void transfersChanged(lanchat.ui.desktop.model.Transfer changed) {
        transfers.changed(changed);
    }

    @Override
    public void notifyOffer(lanchat.ui.desktop.model.Transfer offer) {
        notifier.notify(offer.peer() + " offers files", offer.headline());
    }

    @Override
    public void selfChanged() {
        frame.setTitle(normalTitle());
    }

    private void openSelectedLink() {
        ChatItem item = messages.getSelectedValue();
        if (item instanceof Message) {
            List<lanchat.ui.desktop.model.Links.Span> links = lanchat.ui.desktop.model.Links.find(((Message) item).text());
            if (!links.isEmpty()) {
                browse(links.get(0).uri());
            }
        }
    }

    /** Opens a link in the browser, off the event thread: Desktop.browse may take its time. */
    private void browse(String uri) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(new URI(uri));
                }
            } catch (Exception e) {
                SwingUtilities.invokeLater(() -> model.note("cannot open " + uri + ": " + e.getMessage(), true));
            }
        }, "lanchat-browse");
        t.setDaemon(true);
        t.start();
    }

    /** The link under a point of the message list, or null. */
    String linkAt(Point p) {
        int index = messages.locationToIndex(p);
        if (index < 0) {
            return null;
        }
        Rectangle cell = messages.getCellBounds(index, index);
        ChatItem item = messages.getModel().getElementAt(index);
        if (cell == null || !cell.contains(p) || !(item instanceof Message)) {
            return null;
        }
        BubbleLayout l = renderer.layoutFor((Message) item);
        return l.linkAt(p.x - cell.x, p.y - cell.y, renderer.bodyMetrics());
    }

    private final class LinkMouse extends MouseAdapter {
        @Override
        public void mouseClicked(MouseEvent e) {
            String uri = linkAt(e.getPoint());
            if (uri != null && SwingUtilities.isLeftMouseButton(e)) {
                browse(uri);
            }
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            messages.setCursor(linkAt(e.getPoint()) != null ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR)
                    : Cursor.getDefaultCursor());
        }
    }

    /** The message list, with the delivery details or the link as tooltip. */
    private final class MessageList extends JList<ChatItem> {
        MessageList(BubbleRenderer cellRenderer) {
            setCellRenderer(cellRenderer);
            javax.swing.ToolTipManager.sharedInstance().registerComponent(this);
        }

        @Override
        public String getToolTipText(MouseEvent e) {
            String uri = linkAt(e.getPoint());
            if (uri != null) {
                return uri;
            }
            int index = locationToIndex(e.getPoint());
            if (index < 0 || !getCellBounds(index, index).contains(e.getPoint())) {
                return null;
            }
            ChatItem item = getModel().getElementAt(index);
            if (item instanceof Message && ((Message) item).own()) {
                return "<html>" + escape(((Message) item).delivery().details()).replace("\n", "<br>") + "</html>";
            }
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The sidebar's rows: a snapshot of the model's conversations, replaced whenever they change. */
    private static final class SidebarModel extends AbstractListModel<Conversation> {
        private List<Conversation> items = List.of();

        void set(List<Conversation> fresh) {
            int before = items.size();
            items = fresh;
            if (fresh.size() > before) {
                fireIntervalAdded(this, before, fresh.size() - 1); // conversations are never removed
            }
            if (before > 0) {
                fireContentsChanged(this, 0, before - 1);
            }
        }

        @Override
        public int getSize() {
            return items.size();
        }

        @Override
        public Conversation getElementAt(int index) {
            return items.get(index);
        }
    }
}
