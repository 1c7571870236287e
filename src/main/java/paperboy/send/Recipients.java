package paperboy.send;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Checks every recipient before the first message goes out, so a typo in the third address does not leave
 * two readers with the edition and the rest without.
 */
public final class Recipients {
    private Recipients() {}

    /** What is wrong with the first bad address, if one is. */
    public static Optional<String> problem(List<String> addresses) {
        if (addresses == null || addresses.isEmpty()) return Optional.of("no address given");
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i).strip();
            if (a.isEmpty()) {
                return Optional.of("address " + (i + 1) + " of " + addresses.size()
                        + " is empty (two commas in a row, or a comma at the start or end?)");
            }
            if (!a.chars().allMatch(c -> c < 0x80)) {
                return Optional.of("\"" + a + "\" has non-ASCII characters; paperboy cannot send to it"
                        + " (it needs SMTPUTF8, which paperboy does not use): give its ASCII form");
            }
            try {
                InternetAddress parsed = new InternetAddress(a, true);
                if (parsed.getAddress().indexOf('@') < 1 || parsed.isGroup()) {
                    return Optional.of("\"" + a + "\" is not an e-mail address (expected name@example.org)");
                }
            } catch (AddressException e) {
                return Optional.of("\"" + a + "\" is not an e-mail address (expected name@example.org)");
            }
        }
        return Optional.empty();
    }
}
