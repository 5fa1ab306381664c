package lanchat.ui.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import org.junit.jupiter.api.Test;

/** Files dropped on the messages are offered to the open peer; everything else is the component's business. */
class FileDropTest {
    private final AtomicBoolean peerOpen = new AtomicBoolean(true);
    private final List<List<File>> offered = new ArrayList<>();

    private static Transferable files(List<File> files) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return files;
            }
        };
    }

    @Test
    void filesGoToTheOpenPeerAndTextStillGoesWhereItWent() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JTextArea target = new JTextArea();
            FileDrop.install(target, peerOpen::get, offered::add);
            TransferHandler handler = target.getTransferHandler();
            List<File> two = List.of(new File("/tmp/a.txt"), new File("/tmp/holiday"));

            TransferHandler.TransferSupport drop = new TransferHandler.TransferSupport(target, files(two));
            assertTrue(handler.canImport(drop));
            assertTrue(handler.importData(drop));
            assertEquals(List.of(two), offered);

            peerOpen.set(false); // the room is open: files go to one peer, so nothing is taken
            assertFalse(handler.canImport(new TransferHandler.TransferSupport(target, files(two))));
            assertFalse(handler.importData(new TransferHandler.TransferSupport(target, files(two))));
            assertEquals(1, offered.size());

            TransferHandler.TransferSupport text = new TransferHandler.TransferSupport(target,
                    new StringSelection("pasted"));
            assertTrue(handler.canImport(text), "text is the component's own handler's");
            assertTrue(handler.importData(text));
            assertEquals("pasted", target.getText());
        });
    }
}
