package uk.westmercia.charter.warehouse;

import java.nio.file.Path;

/** Run in a child JVM by WarehouseLockTest: takes a warehouse's lock, says so, and holds it until killed. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        WarehouseLock lock = WarehouseLock.acquire(new Warehouse(Path.of(args[0])), args[1], "nightly", "hold the lock");
        System.out.println("locked " + lock.holder().pid());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
