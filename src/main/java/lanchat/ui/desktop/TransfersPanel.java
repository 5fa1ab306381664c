package lanchat.ui.desktop;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.ScrollPaneConstants;
import javax.swing.UIManager;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.Transfer;

/**
 * The window's transfers: one row per offer (who offers what, the size), its progress bar and figures, and
 * Accept / Reject / Cancel while they apply. It sits above the composer and shows only while there are rows.
 * Rows are built when offers come and go; a progress event only updates its row's labels and bar, so four
 * updates a second per transfer cost almost nothing. Event dispatch thread only.
 */
final class TransfersPanel {
    /** What the buttons do: each gets the row's offer id and goes through the asynchronous backend. */
    interface Actions {
        void accept(String id);

        void reject(String id);

        void cancel(String id);
    }

    private static final int VISIBLE_ROWS = 3;

    private final ChatModel model;
    private final Actions actions;
    private final JPanel root = new JPanel(new BorderLayout());
    private final JPanel list = new JPanel();
    private final JLabel heading = new JLabel("Transfers");
    private final JScrollPane scroll;
    private final Map<Transfer, Row> rows = new IdentityHashMap<>();

    TransfersPanel(ChatModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        list.setLayout(new BoxLayout(list, BoxLayout.Y_AXIS));
        scroll = new JScrollPane(list, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        JButton clear = new JButton("Clear finished");
        clear.putClientProperty("JButton.buttonType", "borderless");
        clear.addActionListener(e -> model.clearFinishedTransfers());
        JPanel top = new JPanel(new BorderLayout());
        top.setOpaque(false);
        heading.setFont(heading.getFont().deriveFont(java.awt.Font.BOLD));
        top.add(heading, BorderLayout.WEST);
        top.add(clear, BorderLayout.EAST);
        root.add(top, BorderLayout.NORTH);
        root.add(scroll, BorderLayout.CENTER);
        root.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(6, 16, 4, 16)));
        root.getAccessibleContext().setAccessibleName("Transfers");
        root.setVisible(false);
    }

    JComponent component() {
        return root;
    }

    /** A row changed (update it in place) or rows came or went (null, or a row not shown yet: rebuild). */
    void changed(Transfer transfer) {
        Row row = transfer == null ? null : rows.get(transfer);
        if (row != null) {
            row.update();
            heading();
            return;
        }
        rebuild();
    }

    /** The row's button with that text ("Accept", "Reject", "Cancel"), for tests; null if none is shown. */
    JButton button(Transfer transfer, String text) {
        Row row = rows.get(transfer);
        if (row == null) {
            return null;
        }
        for (JButton b : List.of(row.accept, row.reject, row.cancel)) {
            if (b.getText().equals(text) && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    /** The row's two lines as shown, for tests. */
    String shown(Transfer transfer) {
        Row row = rows.get(transfer);
        return row == null ? null : row.headline.getText() + "\n" + row.status.getText();
    }

    private void rebuild() {
        list.removeAll();
        rows.clear();
        for (Transfer t : model.transfers().all()) {
            Row row = new Row(t);
            rows.put(t, row);
            list.add(row.panel);
        }
        list.add(Box.createVerticalGlue());
        root.setVisible(!rows.isEmpty());
        heading();
        int rowHeight = rows.isEmpty() ? 0 : rows.values().iterator().next().panel.getPreferredSize().height;
        scroll.setPreferredSize(new Dimension(10, rowHeight * Math.min(VISIBLE_ROWS, rows.size()) + 4));
        root.revalidate();
        root.repaint();
    }

    private void heading() {
        int waiting = model.transfers().waitingForAnswer();
        heading.setText("Transfers" + (waiting > 0 ? "  ·  " + waiting + (waiting == 1 ? " offer waits" : " offers wait")
                + " for your answer" : ""));
    }

    /** One transfer: headline and status on the left, the bar and the buttons that apply on the right. */
    private final class Row {
        final Transfer transfer;
        final JPanel panel = new JPanel(new BorderLayout(12, 0));
        final JLabel headline = new JLabel();
        final JLabel status = new JLabel();
        final JProgressBar bar = new JProgressBar(0, 100);
        final JButton accept = button("Accept", actions::accept);
        final JButton reject = button("Reject", actions::reject);
        final JButton cancel = button("Cancel", actions::cancel);

        Row(Transfer transfer) {
            this.transfer = transfer;
            JPanel texts = new JPanel(new BorderLayout());
            texts.setOpaque(false);
            texts.add(headline, BorderLayout.NORTH);
            status.putClientProperty("FlatLaf.styleClass", "small");
            texts.add(status, BorderLayout.SOUTH);
            JPanel controls = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
            controls.setOpaque(false);
            bar.setPreferredSize(new Dimension(140, bar.getPreferredSize().height));
            controls.add(bar);
            controls.add(accept);
            controls.add(reject);
            controls.add(cancel);
            panel.setOpaque(false);
            panel.setBorder(BorderFactory.createEmptyBorder(4, 0, 4, 0));
            panel.add(texts, BorderLayout.CENTER);
            panel.add(controls, BorderLayout.EAST);
            update();
        }

        private JButton button(String text, Consumer<String> action) {
            JButton b = new JButton(text);
            b.addActionListener(e -> action.accept(transfer.id()));
            return b;
        }

        void update() {
            headline.setText(transfer.headline());
            status.setText(transfer.status());
            status.setForeground(transfer.state() == Transfer.State.FAILED ? UIManager.getColor("Component.error.focusedBorderColor")
                    : UIManager.getColor("Label.disabledForeground"));
            bar.setValue(transfer.percent());
            bar.setVisible(transfer.state() == Transfer.State.RUNNING);
            accept.setVisible(transfer.answerable());
            reject.setVisible(transfer.answerable());
            cancel.setVisible(transfer.cancellable());
            panel.setToolTipText(transfer.id().isEmpty() ? null : "offer " + transfer.id());
        }
    }
}
