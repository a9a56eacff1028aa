package com.intellivision.console.deployment.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only their owner may read: mode 0600 where the file system has POSIX permissions; elsewhere
 * (Windows) an ACL that grants everything to the owner and nothing to anyone else. The ACL is best
 * effort: where it cannot be set, a warning says so and the file stays as the folder's defaults make it.
 */
public final class OwnerOnlyPermissions {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyPermissions.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyPermissions() {}

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** What to create a file with so that it is owner-only before its first byte is written. */
    public static FileAttribute<?>[] forNewFile(Path folder) {
        return isPosix(folder) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)} : new FileAttribute<?>[0];
    }

    /** Makes {@code file} owner-only, whatever it was. */
    public static void restrict(Path file) throws IOException {
        if (isPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        } else {
            restrictAcl(file);
        }
    }

    /** Makes {@code file} owner-only if others may read or change it, with a warning that says so; whether it was open. */
    public static boolean tighten(Path file) throws IOException {
        if (isPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_READ_WRITE.containsAll(permissions)) {
                Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
                LOG.warn("{} was {}, open to others; it is now readable by its owner only (rw-------)",
                        file, PosixFilePermissions.toString(permissions));
                return true;
            }
        } else if (grantsOthers(file)) {
            restrictAcl(file);
            LOG.warn("{} could be read by others; it is now readable by its owner only", file);
            return true;
        }
        return false;
    }

    private static boolean grantsOthers(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            return false;
        }
        UserPrincipal owner = view.getOwner();
        return view.getAcl().stream().anyMatch(entry -> !entry.principal().equals(owner));
    }

    private static void restrictAcl(Path file) {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            LOG.warn("{} cannot be restricted to its owner on this file system; keep the data folder private", file);
            return;
        }
        try {
            AclEntry ownerOnly = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(view.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            view.setAcl(List.of(ownerOnly));
        } catch (IOException | UnsupportedOperationException | SecurityException refused) {
            LOG.warn("{} could not be restricted to its owner ({}); keep the data folder private", file, refused.toString());
        }
    }
}
