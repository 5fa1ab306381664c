package lanchat.ui.desktop;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.awt.event.InputEvent;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * Files dropped on a component are offered to the open conversation's peer. Everything else (copying the
 * selected message, dropping text) is left to the component's own handler, which this one wraps.
 */
final class FileDrop extends TransferHandler {
    private final TransferHandler original;
    private final BooleanSupplier accepting;
    private final Consumer<List<File>> dropped;

    /** @param accepting whether a drop is possible now (a peer's conversation is open) */
    private FileDrop(TransferHandler original, BooleanSupplier accepting, Consumer<List<File>> dropped) {
        this.original = original;
        this.accepting = accepting;
        this.dropped = dropped;
    }

    static void install(JComponent target, BooleanSupplier accepting, Consumer<List<File>> dropped) {
        target.setTransferHandler(new FileDrop(target.getTransferHandler(), accepting, dropped));
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            return accepting.getAsBoolean();
        }
        return original != null && original.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (!support.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            return original != null && original.importData(support);
        }
        if (!accepting.getAsBoolean()) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
            if (files.isEmpty()) {
                return false;
            }
            dropped.accept(List.copyOf(files));
            return true;
        } catch (UnsupportedFlavorException | IOException e) {
            return false; // the drag source changed its mind: nothing to offer
        }
    }

    @Override
    public int getSourceActions(JComponent c) {
        return original == null ? NONE : original.getSourceActions(c);
    }

    @Override
    public void exportAsDrag(JComponent comp, InputEvent e, int action) {
        if (original != null) {
            original.exportAsDrag(comp, e, action);
        }
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        if (original != null) {
            original.exportToClipboard(comp, clip, action);
        }
    }
}
