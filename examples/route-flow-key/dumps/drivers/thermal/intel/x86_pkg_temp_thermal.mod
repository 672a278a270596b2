drivers/thermal/intel/x86_pkg_temp_thermal.o
