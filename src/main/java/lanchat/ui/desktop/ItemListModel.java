package lanchat.ui.desktop;

import javax.swing.AbstractListModel;
import lanchat.ui.desktop.model.ChatItem;
import lanchat.ui.desktop.model.Conversation;

/** One conversation's items as a Swing list model; the window tells it what the chat model appended or changed. */
final class ItemListModel extends AbstractListModel<ChatItem> {
    private final Conversation conversation;

    ItemListModel(Conversation conversation) {
        this.conversation = conversation;
    }

    @Override
    public int getSize() {
        return conversation.items().size();
    }

    @Override
    public ChatItem getElementAt(int index) {
        return conversation.items().get(index);
    }

    void appended(int from, int to) {
        fireIntervalAdded(this, from, to);
    }

    void changed(int index) {
        fireContentsChanged(this, index, index);
    }
}
