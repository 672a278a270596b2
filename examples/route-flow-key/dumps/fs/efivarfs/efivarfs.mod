fs/efivarfs/inode.o
fs/efivarfs/file.o
fs/efivarfs/super.o
fs/efivarfs/vars.o
