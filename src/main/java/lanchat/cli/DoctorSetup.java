package lanchat.cli;

import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.List;
import lanchat.doctor.Doctor;
import lanchat.doctor.InterfaceInfo;
import lanchat.doctor.InterfaceKinds;
import lanchat.doctor.InterfaceSurvey;
import lanchat.doctor.NetworkProbe;
import lanchat.wire.Wire;

/**
 * Builds a {@link Doctor} for checked settings, with lanchat's own interface rules (which interfaces are
 * usable, which one carries the default route). The chat can build one the same way for /doctor.
 */
final class DoctorSetup {
    private static final String SUFFIX = ".doctor";

    private DoctorSetup() {}

    /**
     * @param chosenByUser whether --interface named the interface
     * @param selfPeerId   the id of a chat running in this process (0 for none)
     */
    static Doctor doctor(Settings settings, boolean chosenByUser, long selfPeerId) {
        NetworkInterface nif = settings.networkInterface();
        NetworkProbe probe = NetworkProbe.of(nif, settings.group(), settings.port(), announcedName(settings.name()),
                selfPeerId);
        return new Doctor(() -> survey(nif, chosenByUser), probe, settings.group().getHostAddress(),
                settings.port());
    }

    /** "alice.doctor": the others see who is checking, and that it is not alice's chat. */
    static String announcedName(String name) {
        int keep = Math.min(name.length(), Wire.MAX_NAME_BYTES - SUFFIX.length());
        return name.substring(0, keep) + SUFFIX;
    }

    static InterfaceSurvey survey(NetworkInterface chosen, boolean chosenByUser) {
        InterfaceKinds kinds = InterfaceKinds.system();
        List<InterfaceInfo> all = new ArrayList<>();
        InterfaceInfo chosenInfo = null;
        for (NetworkInterface nif : InterfaceChooser.all()) {
            InterfaceInfo info = kinds.describe(nif, InterfaceChooser.usable(nif));
            all.add(info);
            if (nif.getName().equals(chosen.getName())) {
                chosenInfo = info;
            }
        }
        if (chosenInfo == null) {
            chosenInfo = kinds.describe(chosen, InterfaceChooser.usable(chosen));
            all.add(chosenInfo);
        }
        return new InterfaceSurvey(all, DefaultRoute.interfaceName(), chosenInfo, chosenByUser);
    }

}
