package lanchat.doctor;

import java.util.List;
import java.util.Optional;

/**
 * The machine's interfaces, the one carrying the default route, and the one lanchat would use.
 *
 * @param chosenByUser whether --interface named it (else lanchat chose it by its default rule)
 */
public record InterfaceSurvey(List<InterfaceInfo> interfaces, Optional<String> defaultRoute, InterfaceInfo chosen,
        boolean chosenByUser) {
    public InterfaceSurvey {
        interfaces = List.copyOf(interfaces);
    }

    /** Usable wired or Wi-Fi interfaces other than the chosen one: where the LAN may be instead. */
    List<InterfaceInfo> otherLans() {
        return interfaces.stream().filter(i -> i.isLan() && !i.name().equals(chosen.name())).toList();
    }

    /** Usable VPN interfaces. */
    List<InterfaceInfo> vpns() {
        return interfaces.stream().filter(i -> i.usable() && i.kind() == InterfaceKind.VPN).toList();
    }

    boolean defaultRouteIs(String name) {
        return defaultRoute.map(name::equals).orElse(false);
    }

    /** The interface carrying the default route, when it is one of the listed ones. */
    Optional<InterfaceInfo> defaultRouteInterface() {
        return defaultRoute.flatMap(name -> interfaces.stream().filter(i -> i.name().equals(name)).findFirst());
    }
}
